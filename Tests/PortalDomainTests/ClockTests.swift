import Foundation
import Testing
import PortalDomain
@Test func clockAdvances() { let c = TestClock(Date(timeIntervalSince1970: 0)); c.advance(by: 5); #expect(c.now().timeIntervalSince1970 == 5) }
