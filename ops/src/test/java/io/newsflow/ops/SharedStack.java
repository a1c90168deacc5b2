package io.newsflow.ops;

import io.newsflow.stack.LocalStack;

/**
 * One embedded broker and registry for the module's tests (one surefire JVM), started on first
 * use and stopped when the JVM exits: starting a stack per test class costs tens of seconds on
 * the shared build machine. Tests use their own topics and groups, so they do not meet.
 */
final class SharedStack {
    private static LocalStack stack;

    private SharedStack() {
    }

    static synchronized LocalStack get() {
        if (stack == null) {
            stack = LocalStack.start();
            LocalStack started = stack;
            Runtime.getRuntime().addShutdownHook(new Thread(started::close, "ops-test-stack-shutdown"));
        }
        return stack;
    }
}
