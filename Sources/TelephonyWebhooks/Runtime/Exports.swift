@_exported import struct HTTPTypes.HTTPField
@_exported import struct HTTPTypes.HTTPFields
// The vocabulary a user needs to create a client or receive a webhook, without a second import.
@_exported import protocol OpenAPIRuntime.ClientMiddleware
@_exported import protocol OpenAPIRuntime.ClientTransport
@_exported import class OpenAPIRuntime.HTTPBody
@_exported import protocol OpenAPIRuntime.ServerTransport
@_exported import struct OpenAPIURLSession.URLSessionTransport
