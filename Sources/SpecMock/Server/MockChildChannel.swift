import HummingbirdCore
import HummingbirdWebSocket
import Logging
import NIOCore

/// Hummingbird's HTTP/1.1 channel with the WebSocket upgrade, plus a deadline for the first request's head: the
/// upgrade handler reads that head before `ConnectionDeadlines` is in the pipeline (it is added only once the
/// request is known not to be an upgrade), so without this a connection that sends nothing, or a byte a second,
/// would hold a slot for ever.
struct MockChildChannel: ServerChildChannel {
    let inner: HTTP1WebSocketUpgradeChannel
    let limits: ConnectionDeadlines.Limits
    let registry: ConnectionRegistry

    func setup(channel: any Channel, logger: Logger) -> EventLoopFuture<HTTP1WebSocketUpgradeChannel.Value> {
        do {
            try channel.pipeline.syncOperations.addHandler(FirstHeadDeadline(limits: limits, registry: registry))
        } catch {
            return channel.eventLoop.makeFailedFuture(error)
        }
        return inner.setup(channel: channel, logger: logger)
    }

    func handle(value: HTTP1WebSocketUpgradeChannel.Value, logger: Logger) async {
        await inner.handle(value: value, logger: logger)
    }
}

/// Closes a new connection that sends nothing for `idle` (listed meanwhile as idle, so the connection limit can
/// shed it), or whose first head is not complete `header` after its first byte, or that has sent nothing when the
/// server stops; removes itself once the head's blank line has arrived, when the HTTP or WebSocket handlers take over.
final class FirstHeadDeadline: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    typealias OutboundIn = Any
    typealias OutboundOut = Any

    private let limits: ConnectionDeadlines.Limits
    private let registry: ConnectionRegistry
    private var timer: Scheduled<Void>?
    private var started = false
    /// The last bytes seen, to find `\r\n\r\n` across reads.
    private var tail: [UInt8] = []

    init(limits: ConnectionDeadlines.Limits, registry: ConnectionRegistry) {
        self.limits = limits
        self.registry = registry
    }

    func handlerAdded(context: ChannelHandlerContext) {
        registry.markIdle(ObjectIdentifier(self), channel: context.channel, since: .now())
        schedule(context, after: limits.idle)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.cancel()
        registry.remove(ObjectIdentifier(self))
    }

    func channelInactive(context: ChannelHandlerContext) {
        registry.remove(ObjectIdentifier(self))
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let bytes = unwrapInboundIn(data)
        if !started {
            started = true
            registry.remove(ObjectIdentifier(self))
            schedule(context, after: limits.header)
        }
        tail = Array((tail + bytes.readableBytesView).suffix(bytes.readableBytes + 3))
        let headEnded = tail.count >= 4 && (0...(tail.count - 4)).contains { tail[$0..<($0 + 4)].elementsEqual([13, 10, 13, 10]) }
        tail = Array(tail.suffix(3))
        context.fireChannelRead(data)
        if headEnded { context.pipeline.syncOperations.removeHandler(context: context, promise: nil) }
    }

    /// The server is stopping: a connection that has not started a request has nothing to finish.
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if event is ChannelShouldQuiesceEvent, !started {
            context.close(promise: nil)
            return
        }
        context.fireUserInboundEventTriggered(event)
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard event is ConnectionRegistry.CloseIfIdle else {
            return context.triggerUserOutboundEvent(event, promise: promise)
        }
        if started {
            promise?.fail(ConnectionRegistry.NotIdle())
        } else {
            context.close(promise: nil)
            promise?.succeed()
        }
    }

    private func schedule(_ context: ChannelHandlerContext, after delay: TimeAmount) {
        timer?.cancel()
        let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
        timer = context.eventLoop.scheduleTask(in: delay) { bound.value.close(promise: nil) }
    }
}
