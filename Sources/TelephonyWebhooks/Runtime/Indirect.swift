/// A value kept in a box, so that a generated model can contain itself: a recursive schema's
/// property is stored as `Indirect<T>` and read through a computed property of type `T`. It
/// encodes and decodes as the value itself.
@_spi(Generated) public indirect enum Indirect<Wrapped: Codable & Hashable & Sendable>: Codable, Hashable, Sendable {
  case boxed(Wrapped)

  @_spi(Generated) public init(_ value: Wrapped) {
    self = .boxed(value)
  }

  @_spi(Generated) public var value: Wrapped {
    switch self {
    case .boxed(let value): value
    }
  }

  public init(from decoder: any Decoder) throws {
    self = .boxed(try Wrapped(from: decoder))
  }

  public func encode(to encoder: any Encoder) throws {
    try value.encode(to: encoder)
  }
}
