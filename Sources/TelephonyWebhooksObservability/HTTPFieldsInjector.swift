import HTTPTypes
import Instrumentation

/// Writes an instrument's context (W3C `traceparent` with swift-otel) into a request's headers.
struct HTTPFieldsInjector: Injector {
  func inject(_ value: String, forKey key: String, into fields: inout HTTPFields) {
    guard let name = HTTPField.Name(key) else { return }
    fields[name] = value
  }
}
