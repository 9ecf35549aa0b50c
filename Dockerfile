# moodle-coursesales-sync: build with Maven, run on a JRE 17 as a non-root user.
# All configuration comes from environment variables (MOODLE_URL, MOODLE_TOKEN, COURSESALES_URL,
# COURSESALES_USERNAME, COURSESALES_PASSWORD, STATE_JDBC_URL, ...). routes/ can be mounted over
# /app/routes to change the flow without rebuilding.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY routes routes
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN useradd --system --uid 10001 --home-dir /app sync \
 && mkdir -p /app/data && chown -R sync /app
WORKDIR /app
COPY --from=build /src/target/lib/ lib/
COPY --from=build /src/target/moodle-coursesales-sync.jar app.jar
COPY routes/ routes/
USER 10001
VOLUME /app/data
EXPOSE 8080
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75"
# the route files are read from /app/routes (mount your own over it), not from the jar's copies
ENV ROUTES_LOCATION=file:/app/routes
ENTRYPOINT ["java", "-jar", "app.jar"]
