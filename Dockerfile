# The bundle as a container image: built from source in a Maven stage, run on a JRE as a non-root user.
#   docker build -t offramp-bundle .
#   docker run -p 8080:8080 -p 9876:9876 --env-file prod.env offramp-bundle
# The image runs the prod profile (CAMEL_MAIN_PROFILE=prod): every required setting comes from the
# environment (README "Configuration"); `-e CAMEL_MAIN_PROFILE=` runs the embedded demo instead.
# JVM options go in JAVA_TOOL_OPTIONS (the JVM reads it itself, so nothing here has to pass it on), e.g.
#   -e JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=50"
# /app/routes and /app/config are where the bundle reads its route files and settings (relative to its
# working directory): mount a volume or a ConfigMap over either to change routes or defaults without a
# rebuild. Checked by dev.offramp.deploy.DockerfileTest (this machine cannot pull base images).

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /build
# the dependencies first, in their own layer: a change to the sources does not download them again
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src ./src
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
# a fixed, unprivileged UID/GID, so a Kubernetes securityContext can require it (runAsUser 10001)
RUN groupadd --system --gid 10001 offramp \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home --shell /usr/sbin/nologin offramp
WORKDIR /app
COPY --from=build /build/target/offramp-bundle.jar /app/offramp-bundle.jar
COPY routes /app/routes
COPY config /app/config
# data/: the embedded profile's H2 file (unused in prod, which runs on PostgreSQL)
RUN mkdir /app/data && chown offramp:offramp /app/data
USER 10001:10001
ENV CAMEL_MAIN_PROFILE=prod
# the API, webhooks and console (OFFRAMP_HTTP_PORT); health and metrics (OFFRAMP_MANAGEMENT_PORT)
EXPOSE 8080 9876
# exec form: java is PID 1 and gets SIGTERM, so Camel shuts down gracefully (in-flight exchanges finish)
ENTRYPOINT ["java", "-jar", "/app/offramp-bundle.jar"]
