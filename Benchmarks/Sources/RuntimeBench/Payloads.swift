import Foundation

/// The canned response bodies.
enum Payloads {
  /// A Laravel paginator page of `count` webhooks, every field set, as Plusofon sends it.
  static func page(count: Int) -> Data {
    let callTypes = ["inbound", "outbound", "all"]
    let events = ["create", "answer", "destroy"]
    let items = (0..<count).map { index in
      """
      {"id":\(index + 1),"url":"https://hooks.example.com/plusofon/\(index + 1)",\
      "type_call":"\(callTypes[index % 3])","type":"\(index % 2 == 0 ? "lk" : "et")",\
      "event":"\(events[index % 3])"}
      """
    }
    let base = "https://restapi.plusofon.ru/api/v1/webhooks"
    return Data(
      """
      {"current_page":1,"data":[\(items.joined(separator: ","))],"first_page_url":"\(base)?page=1",\
      "from":1,"last_page":1,"last_page_url":"\(base)?page=1","next_page_url":null,"path":"\(base)",\
      "per_page":\(count),"prev_page_url":null,"to":\(count),"total":\(count)}
      """.utf8)
  }

  static let success = Data(#"{"success":true}"#.utf8)
}
