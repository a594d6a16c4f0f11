package dev.orderservice.lambda;

/**
 * The objects that one Lambda execution environment builds at initialisation and keeps for all its invocations:
 * the component, from the environment variables, and the log. Both handlers share it, so a second handler
 * instance in one environment builds nothing again.
 */
final class ExecutionEnvironment {

    private ExecutionEnvironment() {
    }

    /** The JVM initialises this class once, on first use and under its initialisation lock. */
    private static final class Holder {
        static final InvocationLog LOG = InvocationLog.toStandardOutput();
        static final LambdaComponent COMPONENT = LambdaComponent.create(System.getenv(), LOG);
    }

    static LambdaComponent component() {
        return Holder.COMPONENT;
    }

    static InvocationLog log() {
        return Holder.LOG;
    }
}
