# syntax=docker/dockerfile:1

# Build: the Maven wrapper on a JDK, then split the Spring Boot jar into its layers.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /build
# The wrapper and the pom first, so the dependency download is cached until the pom changes.
COPY mvnw pom.xml ./
COPY .mvn/ .mvn/
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q dependency:go-offline
# .dockerignore admits only what the build needs (src/, db/ and the files above).
COPY . .
# The tests need PostgreSQL and run in CI (.ci/run), not in the image build.
RUN --mount=type=cache,target=/root/.m2 ./mvnw -B -q -DskipTests package \
	&& cp target/seedbank-*.jar application.jar \
	&& java -Djarmode=tools -jar application.jar extract --layers --launcher --destination extracted

# Run: a JRE, one COPY per layer from the least to the most often changed, a non-root user.
FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 seedbank \
	&& useradd --system --uid 10001 --gid seedbank --no-create-home --shell /usr/sbin/nologin seedbank
WORKDIR /application
COPY --from=build /build/extracted/dependencies/ ./
COPY --from=build /build/extracted/spring-boot-loader/ ./
COPY --from=build /build/extracted/snapshot-dependencies/ ./
COPY --from=build /build/extracted/application/ ./
# Numeric, so Kubernetes can check runAsNonRoot without reading /etc/passwd.
USER 10001:10001
EXPOSE 8080
# The heap follows the container's memory limit; the chart's ConfigMap may replace this.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:InitialRAMPercentage=75 -XX:+AlwaysPreTouch -XX:+ExitOnOutOfMemoryError -XX:+ExplicitGCInvokesConcurrent -XX:+UseTransparentHugePages"
ENTRYPOINT ["java", "org.springframework.boot.loader.launch.JarLauncher"]
