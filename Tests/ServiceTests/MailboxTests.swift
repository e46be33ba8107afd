import Foundation
@testable import Service
import Testing

@Suite struct MailboxTests {
    @Test func eventsPostedBeforeTheWaitComeBackAtOnceInOrder() {
        let mailbox = Mailbox<Int>()
        mailbox.post(1)
        mailbox.post(2)
        let started = ContinuousClock.now
        #expect(mailbox.wait(timeout: .seconds(10)) == [1, 2])
        #expect(ContinuousClock.now - started < .seconds(5))
        // Drained: the next wait times out empty.
        #expect(mailbox.wait(timeout: .milliseconds(50)) == [])
    }

    @Test func aWaitWakesWhenAnotherThreadPosts() {
        let mailbox = Mailbox<String>()
        let lock = NSLock()
        nonisolated(unsafe) var order: [String] = []
        nonisolated(unsafe) var received: [String]?
        let returned = DispatchSemaphore(value: 0)
        Thread.detachNewThread {
            received = mailbox.wait(timeout: .seconds(60))
            lock.withLock { order.append("returned") }
            returned.signal()
        }
        // Post only once the waiter is blocked with nothing pending: the post itself must wake it.
        let deadline = ContinuousClock.now + .seconds(30)
        while mailbox.blockedWaiters == 0 && ContinuousClock.now < deadline { usleep(1_000) }
        #expect(mailbox.blockedWaiters == 1, "the waiter never blocked")
        lock.withLock { order.append("post") }
        mailbox.post("finished")
        // Woken by the post, well before its 60 s timeout; and not before the post.
        #expect(returned.wait(timeout: .now() + 30) == .success, "the post did not wake the wait")
        #expect(received == ["finished"])
        #expect(lock.withLock { order } == ["post", "returned"])
    }

    @Test func anEmptyWaitLastsItsTimeout() {
        let mailbox = Mailbox<Int>()
        let started = ContinuousClock.now
        #expect(mailbox.wait(timeout: .milliseconds(200)).isEmpty)
        #expect(ContinuousClock.now - started >= .milliseconds(190))
        #expect(mailbox.wait(timeout: .zero).isEmpty)
        #expect(mailbox.wait(timeout: .milliseconds(-5)).isEmpty)
    }
}
