import Testing

@testable import SDKGenCore

@Suite struct NameAllocatorTests {
  @Test func aFreeNameIsKeptAndATakenOneNumberedFromTwo() {
    var names = NameAllocator<String>()
    #expect(names.claim("call", for: "first") == ("call", nil))
    #expect(names.claim("call", for: "second") == ("call2", "first"))
    #expect(names.claim("call", for: "third") == ("call3", "first"))
    #expect(names.owner(of: "call2") == "second")
  }

  @Test func aNumberSkipsNamesTakenOtherwise() {
    var names = NameAllocator(reserving: ["call", "call2"])
    #expect(names.claim("call") == "call3")
    #expect(names.claim("call2") == "call22")
  }

  @Test func backticksAreDroppedBeforeTheNumber() {
    var names = NameAllocator(reserving: ["`default`"])
    #expect(names.claim("`default`") == "default2")
  }

  @Test func theCallerCanPlaceTheNumber() {
    var names = NameAllocator(reserving: ["usServerURL"])
    #expect(names.claim("usServerURL") { "usServer\($0)URL" } == "usServer2URL")
  }

  @Test func firstFreeAsksTheCallerWhatIsTaken() {
    let taken: Set = ["Call2", "Call3"]
    #expect(NameAllocator<Void>.firstFree("Call", isTaken: taken.contains) == "Call4")
  }
}
