import NIOCore
import Testing
@testable import PortalMail

struct DotStuffingTests {
    @Test func linesStartingWithDotGetASecondDotAndTheMessageEndsWithLoneDot() {
        let payload = DotStuffing.payload(Array("a\r\n.\r\n..b\r\n.c".utf8))
        #expect(String(buffer: payload) == "a\r\n..\r\n...b\r\n..c\r\n.\r\n")
    }

    @Test func bareLineFeedsBecomeCRLFAndALeadingDotIsStuffedToo() {
        let payload = DotStuffing.payload(Array(".x\ny\n".utf8))
        #expect(String(buffer: payload) == "..x\r\ny\r\n.\r\n")
    }
}
