// `make bench` writes swift-openapi-generator's Types.swift and Client.swift for
// specs/plusofon.yaml beside this file; they are generated, not committed.
