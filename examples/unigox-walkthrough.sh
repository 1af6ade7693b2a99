#!/usr/bin/env bash
# The Unigox off-ramp playbook through the bundle's API, against the embedded sandbox.
# Start the bundle first (README, first command), then run this from another terminal.
set -euo pipefail
B=${B:-http://localhost:8080}
K='X-API-Key: dev-api-key'
J='Content-Type: application/json'
SIM="X-API-Key: sandbox-unigox-key"
field() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d'"' -f4; }
status_of() { curl -s -H "$K" "$B/api/v1/orders/$1" | field provider_status; }
wait_for() { for _ in $(seq 1 60); do [ "$(status_of "$1")" = "$2" ] && return 0; sleep 1; done; echo "timed out waiting for $2" >&2; return 1; }

echo "1. user (create-or-get by user_ref)"
USER=$(curl -s -H "$K" -H "$J" -d '{"user_ref":"walkthrough-1","email":"ada@example.com"}' "$B/api/v1/users")
echo "$USER"; U=$(echo "$USER" | field id); UUID=$(echo "$USER" | field unigox_user_uuid)

echo "2. KYC: direct_data, then an identity document and a selfie (multipart)"
curl -s -H "$K" -H "$J" -d '{"method":"direct_data","data":{"pii":{"first_name":"Ada","last_name":"Lovelace","country_code":"DE","dob":"1990-01-01"}}}' "$B/api/v1/users/$U/kyc-submissions"; echo
printf 'fake-image' > /tmp/offramp-doc.png
curl -s -H "$K" -F document_type=identity_front -F "document=@/tmp/offramp-doc.png;type=image/png" "$B/api/v1/users/$U/kyc/documents"; echo
curl -s -H "$K" -F document_type=selfie -F "document=@/tmp/offramp-doc.png;type=image/png" "$B/api/v1/users/$U/kyc/documents"; echo

echo "3. verification: the sandbox reviews, then verifies, on its clock (a few seconds)"
for _ in $(seq 1 30); do
  S=$(curl -s -H "$K" "$B/api/v1/users/$U/verification-status" | field status); echo "   $S"
  [ "$S" = VERIFIED ] && break; sleep 2
done

echo "4. payout details"
PD=$(curl -s -H "$K" -H "$J" -d '{"currency":"EUR","rail":"iban-sepa","details":{"full_name":"Ada Lovelace","iban":"DE89370400440532013000"}}' "$B/api/v1/users/$U/payment-details")
echo "$PD"; P=$(echo "$PD" | head -c 200 | field id)

echo "5. firm quote, then the order"
Q=$(curl -s -H "$K" -H "$J" -d "{\"user_id\":\"$U\",\"payment_details_id\":\"$P\",\"crypto_currency\":\"USDT\",\"crypto_amount\":\"100\",\"fiat_currency\":\"EUR\"}" "$B/api/v1/offramp/quote")
echo "$Q"; QID=$(echo "$Q" | field quote_id)
O=$(curl -s -H "$K" -H "$J" -d "{\"provider\":\"unigox\",\"quote_id\":\"$QID\"}" "$B/api/v1/offramp/orders")
echo "$O"; ID=$(echo "$O" | field id)

echo "6. a liquidity provider accepts; authorize the crypto transfer with the EIP-712 parameters"
wait_for "$ID" awaiting_crypto_transfer_authorization
curl -s -H "$K" "$B/api/v1/orders/$ID/transfer-authorization-parameters"; echo
curl -s -H "$K" -H "$J" -d '{"forward_request":{"from":"0x1111111111111111111111111111111111111111","to":"0x2222222222222222222222222222222222222222","value":"0","gas":"500000","nonce":"0","deadline":"1900000000","data":"0xa9059cbb"},"signature":"0xabcdef"}' "$B/api/v1/orders/$ID/authorize-crypto-transfer" | field provider_status

echo "7. crypto in escrow, buyer pays, proof reviewed; then confirm the fiat arrived"
wait_for "$ID" awaiting_fiat_received_confirmation
curl -s -H "$K" -X POST "$B/api/v1/orders/$ID/confirm-fiat-received" | field provider_status

echo "8. released: the order and its timeline"
wait_for "$ID" completed
curl -s -H "$K" "$B/api/v1/orders/$ID"; echo
