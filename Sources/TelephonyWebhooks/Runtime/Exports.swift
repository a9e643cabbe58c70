// The transport vocabulary a user needs to create a client, without a second import.
@_exported import protocol OpenAPIRuntime.ClientMiddleware
@_exported import protocol OpenAPIRuntime.ClientTransport
@_exported import class OpenAPIRuntime.HTTPBody
@_exported import struct OpenAPIURLSession.URLSessionTransport
