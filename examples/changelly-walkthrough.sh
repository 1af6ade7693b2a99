#!/usr/bin/env bash
# The Changelly sell flow through the bundle's API, against the embedded sandbox.
# Start the bundle first (README, first command), then run this from another terminal.
set -euo pipefail
B=${B:-http://localhost:8080}
K='X-API-Key: dev-api-key'
J='Content-Type: application/json'
field() { grep -o "\"$1\":\"[^\"]*\"" | head -n 1 | cut -d'"' -f4; }
status_of() { curl -s -H "$K" "$B/api/v1/orders/$1" | field provider_status; }
wait_for() { for _ in $(seq 1 60); do [ "$(status_of "$1")" = "$2" ] && return 0; sleep 1; done; echo "timed out waiting for $2" >&2; return 1; }

echo "1. where selling works, and what can be sold (cached)"
curl -s -H "$K" "$B/api/v1/countries" | head -c 300; echo
curl -s -H "$K" "$B/api/v1/currencies?type=crypto" | head -c 300; echo

echo "2. offers for 0.1 ETH -> EUR in Italy, best payout first (a provider that cannot offer says why)"
curl -s -H "$K" "$B/api/v1/offramp/offers?currency_from=ETH&currency_to=EUR&amount_from=0.1&country=IT"; echo
curl -s -H "$K" "$B/api/v1/providers" | head -c 300; echo

echo "3. the refund address"
curl -s -H "$K" -H "$J" -d '{"currency":"ETH","wallet_address":"0x8cfbd31371e9bec8c82ae101e25bd9394c03a227"}' "$B/api/v1/addresses/validate"; echo

echo "4. the sell order (a user of ours first); the answer carries the provider's selling page"
U=$(curl -s -H "$K" -H "$J" -d '{"user_ref":"walkthrough-2","email":"grace@example.com"}' "$B/api/v1/users" | field id)
O=$(curl -s -H "$K" -H "$J" -d "{\"provider\":\"changelly\",\"provider_code\":\"moonpay\",\"currency_from\":\"ETH\",\"currency_to\":\"EUR\",\"amount_from\":\"0.1\",\"country\":\"IT\",\"refund_address\":\"0x8cfbd31371e9bec8c82ae101e25bd9394c03a227\",\"user_id\":\"$U\"}" "$B/api/v1/offramp/orders")
echo "$O"; ID=$(echo "$O" | field id)

echo "5. signed callbacks move it on (confirmed by GET /v1/orders each time)"
wait_for "$ID" pending
wait_for "$ID" complete
curl -s -H "$K" "$B/api/v1/orders/$ID"; echo

echo "6. a test order moved by hand (sandbox keys only)"
O2=$(curl -s -H "$K" -H "$J" -d "{\"provider\":\"changelly\",\"provider_code\":\"moonpay\",\"currency_from\":\"ETH\",\"currency_to\":\"EUR\",\"amount_from\":\"0.1\",\"country\":\"IT\",\"refund_address\":\"0x8cfbd31371e9bec8c82ae101e25bd9394c03a227\",\"user_id\":\"$U\"}" "$B/api/v1/offramp/orders" | field id)
curl -s -H "$K" -H "$J" -d '{"status":"hold"}' "$B/api/v1/orders/$O2/sandbox/status" | field status
