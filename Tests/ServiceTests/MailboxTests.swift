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
        let started = ContinuousClock.now
        Thread.detachNewThread {
            Thread.sleep(forTimeInterval: 0.2)
            mailbox.post("finished")
        }
        #expect(mailbox.wait(timeout: .seconds(30)) == ["finished"])
        let waited = ContinuousClock.now - started
        #expect(waited >= .milliseconds(150) && waited < .seconds(20), "\(waited)")
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
