/// A byte count as a limit reads: `32 MiB`, `512 KiB`, `1000-byte`.
enum ByteCountText {
  static func describe(_ count: Int) -> String {
    let mebibyte = 1024 * 1024
    if count >= mebibyte, count % mebibyte == 0 { return "\(count / mebibyte) MiB" }
    if count >= 1024, count % 1024 == 0 { return "\(count / 1024) KiB" }
    return "\(count)-byte"
  }
}
