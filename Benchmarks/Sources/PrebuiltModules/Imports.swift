// Imports the modules the compile-time benchmark compiles against; see Package.swift.
import Crypto
import HTTPTypes
import OpenAPIRuntime
import OpenAPIURLSession
