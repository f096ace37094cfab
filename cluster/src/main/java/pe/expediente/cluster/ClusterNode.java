package pe.expediente.cluster;

import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.opensearch.analysis.common.CommonAnalysisPlugin;
import org.opensearch.common.logging.LogConfigurator;
import org.opensearch.common.settings.Settings;
import org.opensearch.env.Environment;
import org.opensearch.index.reindex.ReindexPlugin;
import org.opensearch.node.InternalSettingsPreparer;
import org.opensearch.node.Node;
import org.opensearch.plugins.Plugin;
import org.opensearch.transport.Netty4Plugin;

/**
 * One OpenSearch node in this JVM, with the modules the expediente index needs loaded from
 * the class path (the pattern of OpenSearch's own integration tests: a {@link Node} given
 * its plugin classes). Everything else is the published server, unchanged.
 *
 * <p>Arguments are node settings, {@code key=value}, as {@code -E} takes them in the
 * server's own launcher, e.g. {@code cluster.name=expediente node.name=n0 path.home=.cluster/n0
 * http.port=9250 transport.port=9350 discovery.seed_hosts=127.0.0.1:9350,127.0.0.1:9351
 * cluster.initial_cluster_manager_nodes=n0,n1}. {@code path.home} is required. The node binds
 * to loopback unless {@code network.host} says otherwise. SIGTERM closes it cleanly.
 */
public final class ClusterNode extends Node {

    /** HTTP and transport (Netty), the template's analyzers, _delete_by_query. */
    static final List<Class<? extends Plugin>> PLUGINS =
            List.of(Netty4Plugin.class, CommonAnalysisPlugin.class, ReindexPlugin.class);

    private ClusterNode(Environment environment) {
        super(environment, PLUGINS, true);
    }

    public static void main(String[] args) throws Exception {
        Settings.Builder builder = Settings.builder()
                .put("network.host", "127.0.0.1")
                .put("logger.level", "INFO") // to standard output, log4j's default layout
                // A test cluster on a shared disk: a full disk must not turn the indices read-only.
                .put("cluster.routing.allocation.disk.threshold_enabled", false);
        for (String arg : args) {
            int eq = arg.indexOf('=');
            if (eq <= 0) {
                System.err.println("Uso: ClusterNode clave=valor ... (path.home=DIR es obligatorio); no se entiende: " + arg);
                System.exit(2);
            }
            builder.put(arg.substring(0, eq), arg.substring(eq + 1));
        }
        Settings settings = builder.build();
        if (settings.get("path.home") == null) {
            System.err.println("Falta path.home=DIR: la carpeta del nodo (datos y registros).");
            System.exit(2);
        }
        String name = settings.get("node.name", "node");
        LogConfigurator.registerErrorListener();
        LogConfigurator.setNodeName(name);
        LogConfigurator.configureWithoutConfig(settings);

        Environment environment = InternalSettingsPreparer.prepareEnvironment(settings, Map.of(), null, () -> name);
        ClusterNode node = new ClusterNode(environment);
        CountDownLatch closed = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            try {
                node.close();
                node.awaitClose(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                e.printStackTrace();
            } finally {
                closed.countDown();
            }
        }, "close-node"));
        node.start();
        closed.await();
    }
}
