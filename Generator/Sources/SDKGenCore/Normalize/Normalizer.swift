import Yams

/// The normalize stage: a located document in, one dialect out. OpenAPI 3.0 becomes 3.1, file
/// references are bundled, type lists become `anyOf` and the spec's config is applied, so the
/// model stage never asks which version or spelling a spec used. The source map still locates
/// every part of the result in the file it came from.
enum Normalizer {
  static func normalize(_ located: LocatedDocument, config: SpecConfig?, diagnostics: inout Diagnostics)
    -> ParsedSpec?
  {
    var node = located.root
    var origins: [[String]: String] = [:]
    var bundlingProblems: [ReferenceBundler.Problem] = []
    let scan = DocumentScan(node)
    if scan.needsBundling {
      var bundler = ReferenceBundler(mainFile: located.path, root: node)
      node = bundler.bundle()
      origins = bundler.origins
      bundlingProblems = bundler.problems
    }
    // Bundling can bring in type lists from other files.
    if scan.needsBundling ? TypeLists.contains(node) : scan.hasTypeLists { node = TypeLists.rewrite(node) }
    if let config { node = config.apply(to: node) }
    let sourceMap = SourceMap(file: located.path, root: node, origins: origins)
    for problem in bundlingProblems {
      diagnostics.error(problem.message, at: sourceMap.value(problem.path))
    }
    guard let dialect = DocumentDecoder.dialect(of: node, sourceMap: sourceMap, diagnostics: &diagnostics),
      let document = withExtendedLifetime(
        located.parser,
        {
          DocumentDecoder.decode(node, dialect: dialect, sourceMap: sourceMap, diagnostics: &diagnostics)
        })
    else { return nil }
    return ParsedSpec(
      path: located.path, document: document, sourceMap: sourceMap, extensions: VendorExtensions(root: node),
      config: config)
  }
}
