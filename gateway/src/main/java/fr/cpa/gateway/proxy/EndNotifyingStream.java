package fr.cpa.gateway.proxy;

import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.ReadStream;

/**
 * A request body that runs {@code onEnd} once its last byte has been read, then ends as usual, and
 * runs {@code onOverLimit} (once, dropping the rest) if more than {@code limit} bytes come through.
 */
final class EndNotifyingStream implements ReadStream<Buffer> {

    private final ReadStream<Buffer> body;
    private final Runnable onEnd;
    private final long limit;
    private final Runnable onOverLimit;
    private long received;

    EndNotifyingStream(ReadStream<Buffer> body, Runnable onEnd) {
        this(body, onEnd, Long.MAX_VALUE, () -> { });
    }

    EndNotifyingStream(ReadStream<Buffer> body, Runnable onEnd, long limit, Runnable onOverLimit) {
        this.body = body;
        this.onEnd = onEnd;
        this.limit = limit;
        this.onOverLimit = onOverLimit;
    }

    @Override
    public ReadStream<Buffer> endHandler(Handler<Void> endHandler) {
        body.endHandler(endHandler == null ? null : v -> {
            onEnd.run();
            endHandler.handle(v);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        body.exceptionHandler(handler);
        return this;
    }

    @Override
    public ReadStream<Buffer> handler(Handler<Buffer> handler) {
        body.handler(handler == null ? null : chunk -> {
            if (received > limit) {
                return; // already over: the rest is dropped
            }
            received += chunk.length();
            if (received > limit) {
                onOverLimit.run();
                return;
            }
            handler.handle(chunk);
        });
        return this;
    }

    @Override
    public ReadStream<Buffer> pause() {
        body.pause();
        return this;
    }

    @Override
    public ReadStream<Buffer> resume() {
        body.resume();
        return this;
    }

    @Override
    public ReadStream<Buffer> fetch(long amount) {
        body.fetch(amount);
        return this;
    }
}
