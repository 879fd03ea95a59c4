import NIOCore
import NIOHTTPTypes

/// Closes a connection that is too slow: one whose request head is still incomplete `header` after its first byte
/// (a client sending a byte a second), whose body is still incomplete `body` after its head (a declared body that
/// never arrives), or that sent nothing for `idle` between requests. The time the mock takes to answer is not
/// limited. Idle connections are listed in a `ConnectionRegistry`, which closes them to make room for new ones.
///
/// Sits after the HTTP codec: request parts show where a request stands, and `channelReadComplete` (fired for every
/// read from the socket, decoded or not) shows that the bytes of a new head have started to arrive.
final class ConnectionDeadlines: ChannelDuplexHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPRequestPart
    typealias InboundOut = HTTPRequestPart
    typealias OutboundIn = HTTPResponsePart
    typealias OutboundOut = HTTPResponsePart

    struct Limits: Sendable {
        var header: TimeAmount
        var body: TimeAmount
        var idle: TimeAmount
    }

    private enum Phase {
        /// No byte of a new request yet: idle when no answer is pending.
        case waiting
        /// Bytes of a head have arrived, the head is not complete.
        case readingHead
        /// The head arrived, the body's end has not.
        case readingBody
    }

    private let limits: Limits
    private let registry: ConnectionRegistry
    private var phase = Phase.waiting
    private var since = NIODeadline.now()
    /// Requests read whose answers are not written yet.
    private var answering = 0
    private var sawPartInThisRead = false
    private var timer: (task: Scheduled<Void>, at: NIODeadline)?

    init(limits: Limits, registry: ConnectionRegistry) {
        self.limits = limits
        self.registry = registry
    }

    private var isIdle: Bool { phase == .waiting && answering == 0 }

    /// When the connection is closed in the current phase; nil while the mock answers.
    private var deadline: NIODeadline? {
        switch phase {
        case .readingHead: since + limits.header
        case .readingBody: since + limits.body
        case .waiting: answering == 0 ? since + limits.idle : nil
        }
    }

    func handlerAdded(context: ChannelHandlerContext) {
        enter(.waiting, context)
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        timer?.task.cancel()
        timer = nil
        registry.remove(ObjectIdentifier(self))
    }

    func channelInactive(context: ChannelHandlerContext) {
        registry.remove(ObjectIdentifier(self))
        context.fireChannelInactive()
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        sawPartInThisRead = true
        switch unwrapInboundIn(data) {
        case .head:
            answering += 1
            enter(.readingBody, context)
        case .body:
            break
        case .end:
            enter(.waiting, context)
        }
        context.fireChannelRead(data)
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        // Bytes arrived but made no part: the start of a head.
        if !sawPartInThisRead, phase == .waiting { enter(.readingHead, context) }
        sawPartInThisRead = false
        context.fireChannelReadComplete()
    }

    func write(context: ChannelHandlerContext, data: NIOAny, promise: EventLoopPromise<Void>?) {
        guard case .end = unwrapOutboundIn(data) else { return context.write(data, promise: promise) }
        answering = max(0, answering - 1)
        if phase == .readingBody {
            // Answered before the body was read (413): the rest of the body is not worth waiting for. Closed once
            // the answer is out, so it is not dropped.
            let written = context.eventLoop.makePromise(of: Void.self)
            written.futureResult.cascade(to: promise)
            let bound = NIOLoopBound(context, eventLoop: context.eventLoop)
            written.futureResult.whenComplete { _ in bound.value.close(promise: nil) }
            context.writeAndFlush(data, promise: written)
            return
        }
        context.write(data, promise: promise)
        if phase == .waiting { enter(.waiting, context) }  // the idle clock starts when the answer is written
    }

    func triggerUserOutboundEvent(context: ChannelHandlerContext, event: Any, promise: EventLoopPromise<Void>?) {
        guard event is ConnectionRegistry.CloseIfIdle else {
            return context.triggerUserOutboundEvent(event, promise: promise)
        }
        if isIdle {
            context.close(promise: nil)
            promise?.succeed()
        } else {
            promise?.fail(ConnectionRegistry.NotIdle())
        }
    }

    private func enter(_ next: Phase, _ context: ChannelHandlerContext) {
        phase = next
        since = .now()
        if isIdle {
            registry.markIdle(ObjectIdentifier(self), channel: context.channel, since: since)
        } else {
            registry.remove(ObjectIdentifier(self))
        }
        schedule(context)
    }

    /// Keeps one timer, due no later than the current deadline.
    private func schedule(_ context: ChannelHandlerContext) {
        guard let deadline else { return }
        if let timer, timer.at <= deadline { return }
        timer?.task.cancel()
        let loop = context.eventLoop.assumeIsolatedUnsafeUnchecked()
        timer = (loop.scheduleTask(deadline: deadline) { self.expire(context) }, deadline)
    }

    private func expire(_ context: ChannelHandlerContext) {
        timer = nil
        guard let deadline else { return }
        if deadline <= .now() {
            context.close(promise: nil)
        } else {
            schedule(context)
        }
    }
}
