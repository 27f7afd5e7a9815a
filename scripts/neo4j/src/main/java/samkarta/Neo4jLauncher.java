package samkarta;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;

import org.neo4j.cli.ExecutionContext;
import org.neo4j.commandline.admin.security.SetInitialPasswordCommand;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.BoltConnectorInternalSettings;
import org.neo4j.configuration.connectors.HttpConnector;
import org.neo4j.configuration.connectors.HttpsConnector;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.graphdb.GraphDatabaseService;
import org.neo4j.graphdb.QueryExecutionException;
import org.neo4j.io.ByteUnit;
import picocli.CommandLine;

/**
 * Starts a Neo4j 5 LTS community DBMS (embedded API, Bolt connector enabled) for
 * samkarta development and CI.
 *
 * <pre>
 * java -cp neo4j-launcher.jar:lib/* samkarta.Neo4jLauncher HOME_DIR [PORT]
 * </pre>
 *
 * HOME_DIR holds data/ and logs/ (created if missing). PORT defaults to $NEO4J_PORT or 17687.
 * Auth is enabled; the password of user "neo4j" is set from $NEO4J_PASSWORD (required, >= 8 chars).
 * Env NEO4J_PAGECACHE_MB (default 256) sizes the page cache; env NEO4J_CONF names a neo4j.conf whose
 * settings are applied first (scripts/neo4j/neo4j.conf: transaction log retention and checkpoints).
 * Prints "NEO4J READY bolt://127.0.0.1:PORT" once Bolt accepts authenticated sessions,
 * and shuts down cleanly on SIGTERM/SIGINT.
 */
public final class Neo4jLauncher {
    private static final String HOST = "127.0.0.1";

    public static void main(String[] args) throws Exception {
        if (args.length < 1 || args.length > 2) {
            System.err.println("usage: Neo4jLauncher HOME_DIR [PORT]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        int port = Integer.parseInt(args.length > 1 ? args[1] : envOr("NEO4J_PORT", "17687"));
        String password = System.getenv("NEO4J_PASSWORD");
        if (password == null || password.length() < 8) {
            System.err.println("NEO4J FAILED: env NEO4J_PASSWORD must be set (min 8 characters)");
            System.exit(2);
        }
        long pageCacheMb = Long.parseLong(envOr("NEO4J_PAGECACHE_MB", "256"));

        // First start (no system database yet): store the initial password exactly like
        // `neo4j-admin dbms set-initial-password`, so Bolt never exposes the default neo4j/neo4j.
        boolean firstStart = !Files.exists(home.resolve("data/databases/system"));
        if (firstStart) {
            Files.createDirectories(home);
            int rc = new CommandLine(new SetInitialPasswordCommand(
                    new ExecutionContext(home, home.resolve("conf")))).execute(password);
            if (rc != 0) {
                System.err.println("NEO4J FAILED: set-initial-password exited " + rc);
                System.exit(1);
            }
        }

        AtomicReference<DatabaseManagementService> dbmsRef = new AtomicReference<>();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            DatabaseManagementService running = dbmsRef.getAndSet(null);
            if (running != null) {
                System.out.println("NEO4J STOPPING");
                try {
                    running.shutdown();
                } finally {
                    System.out.println("NEO4J STOPPED");
                    System.out.flush();
                }
            }
            stopped.countDown();
        }, "neo4j-shutdown"));

        try {
            DatabaseManagementServiceBuilder builder = new DatabaseManagementServiceBuilder(home);
            String conf = System.getenv("NEO4J_CONF");
            if (conf != null && !conf.isBlank()) {
                builder.loadPropertiesFromFile(Path.of(conf));
            }
            DatabaseManagementService dbms = builder
                    .setConfig(GraphDatabaseSettings.auth_enabled, true)
                    .setConfig(GraphDatabaseSettings.pagecache_memory, ByteUnit.mebiBytes(pageCacheMb))
                    .setConfig(BoltConnector.enabled, true)
                    .setConfig(BoltConnector.listen_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.advertised_address, new SocketAddress(HOST, port))
                    .setConfig(BoltConnector.encryption_level, BoltConnector.EncryptionLevel.DISABLED)
                    // Internal settings: don't wait 2 x 5 s for idle Bolt threads on shutdown.
                    .setConfig(BoltConnectorInternalSettings.thread_pool_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(BoltConnectorInternalSettings.connection_shutdown_wait_time, Duration.ofSeconds(1))
                    .setConfig(HttpConnector.enabled, false)
                    .setConfig(HttpsConnector.enabled, false)
                    .build();
            dbmsRef.set(dbms);

            if (!firstStart) {
                // Existing store: apply $NEO4J_PASSWORD in case it changed. Embedded transactions
                // run with full privileges; "same password" is reported as an error -> ignore it.
                GraphDatabaseService system = dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
                try {
                    system.executeTransactionally(
                            "ALTER USER neo4j SET PLAINTEXT PASSWORD $pw CHANGE NOT REQUIRED",
                            Map.of("pw", password));
                } catch (QueryExecutionException e) {
                    if (!String.valueOf(e.getMessage()).contains("Old password and new password cannot be the same")) {
                        throw e;
                    }
                }
            }
            // Make sure the default database is up before announcing readiness.
            dbms.database(GraphDatabaseSettings.DEFAULT_DATABASE_NAME).executeTransactionally("RETURN 1");
        } catch (Throwable e) {
            System.err.println("NEO4J FAILED: " + e);
            e.printStackTrace();
            System.exit(1); // the shutdown hook stops whatever was started
        }

        System.out.println("NEO4J READY bolt://" + HOST + ":" + port);
        System.out.flush();
        stopped.await();
    }

    private static String envOr(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
