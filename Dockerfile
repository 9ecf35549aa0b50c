# moodle-coursesales-sync: one image for standalone Docker, the Kubernetes Deployment and CronJob, and Camel K
# (a self-managed Integration runs /app/app.jar). Build with Maven, run on a JRE 17 as a non-root user (uid 10001).
# Configuration: environment variables (MOODLE_URL, MOODLE_TOKEN, COURSESALES_URL, COURSESALES_PASSWORD,
# STATE_JDBC_URL, ...), and *.properties files under /etc/camel/conf.d when mounted there (Camel K's mount trait).
# The route files are /app/routes (mount your own folder over it to change the flow without rebuilding).
# No state inside the image: run it with STATE_JDBC_URL pointing at PostgreSQL; without it the H2 file default lands
# in the volume /app/data.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY pom.xml .
RUN mvn -B -q dependency:go-offline
COPY src src
COPY routes routes
RUN mvn -B -q -DskipTests package

FROM eclipse-temurin:17-jre
RUN groupadd --system --gid 10001 sync \
 && useradd --system --uid 10001 --gid 10001 --home-dir /app --no-create-home sync \
 && mkdir -p /app/data && chown -R 10001:10001 /app/data
WORKDIR /app
# the product: the thin jar with its lib/ (read-only for the user), and the route files it runs
COPY --from=build /src/target/lib/ lib/
COPY --from=build /src/target/moodle-coursesales-sync.jar app.jar
COPY routes/ routes/
USER 10001:10001
VOLUME /app/data
# 8080: the ops API and console; 9876: Camel's management server (health, metrics; unauthenticated, keep it private)
EXPOSE 8080 9876
# heap 25% of the memory limit: 192 MB of the manifests' 768Mi, about three times the live set (54-57 MB after a full
# collection however many records went through; peak RSS 300 MB for 10,000 registrations, 350 MB for 100,000: README,
# "Several replicas"); a larger heap only lets garbage make more of it resident; the quick JIT compiler only (C1): the
# bundle waits on the network, and
# C2's compiling costs more CPU than its faster code gives back (bench/README: half the CPU per registration, the
# first poll of a fresh JVM at concurrency 4 0.81 of the ceiling instead of 0.67, the same once warm; at concurrency 1
# a warm service sends about 10 % less)
# and the parallel collector: a throughput service on a small heap, whose calls wait 20 ms and more on the network,
# gains from its cheaper write barriers; a pause of some 20 ms there costs nothing (bench/README: the bundle's CPU per
# registration 2.72 ms instead of G1's 3.41 ms, the first poll at concurrency 4 161/s instead of 156/s)
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=25 -XX:TieredStopAtLevel=1 -XX:+UseParallelGC"
# the route files are read from /app/routes (mount your own over it), not from the jar's copies
ENV ROUTES_LOCATION=file:/app/routes
ENTRYPOINT ["java", "-jar", "/app/app.jar"]
