// The seeds' examples, copied from the `examples` of specs/*.yaml as compact JSON text.
// A constant marked "not a seed" is made up for an operation whose spec shows no example.

enum Api4ComSeeds {
  /// PATCH /integrations `docIntegration` (request and response) and the item of GET /integrations.
  static let integration = #"""
    {"id":1,"gateway":"integration-code","webhook":true,"webhookConstraint":{"gateway":"integration-code"},"metadata":{"api_token":"123456"}}
    """#

  /// PATCH /integrations request `webhookIntegration`.
  static let webhookIntegration = #"""
    {"gateway":"integration-code","webhook":true,"webhookConstraint":{"gateway":"integration-code"},"metadata":{"webhookUrl":"https://example.com/api4com/webhook","webhookVersion":"1.8","webhookTypes":["channel-answer","channel-hangup"]}}
    """#

  /// GET /integrations response `integrations`.
  static let integrations = "[" + integration + "]"

  /// POST /dialer request `docDialer`.
  static let dialRequest = #"""
    {"extension":"1000","phone":"+554833328530","metadata":{"gateway":"integration-code"}}
    """#

  /// POST /dialer response `mock`.
  static let dialResponse = #"""
    {"id":"call-1","message":"successfull"}
    """#

  /// GET /calls `filter` example `fromExtension`.
  static let callsFilter = #"{"where":{"from":"1003","duration":{"gt":30}}}"#

  /// GET /calls response `page`.
  static let callPage = #"""
    {"data":[{"id":"2ee13fa4-975c-499d-bbb8-5177ff418316","domain":"seudominio.api4com.com","call_type":"outbound","started_at":"2025-01-01 00:00:00","ended_at":"2025-01-01 00:00:42","from":"1003","to":"04833328530","duration":42,"hangup_cause":"NORMAL_CLEARING","record_url":null,"email":null,"first_name":null,"last_name":null,"BINA":null,"minute_price":null,"call_price":null,"metadata":{}}],"metadata":{"totalItemCount":1,"totalPageCount":1,"itemsPerPage":50,"currentPage":1,"nextPage":null,"previousPage":null}}
    """#

  /// The call id of the seeds.
  static let callID = "2ee13fa4-975c-499d-bbb8-5177ff418316"

  /// POST /calls/{call_id}/hangup response: not a seed (the spec shows none).
  static let hangupResponse = #"""
    {"status":"ok","message":"Call hung up","id":"2ee13fa4-975c-499d-bbb8-5177ff418316"}
    """#
}

enum PlusofonSeeds {
  /// GET /webhooks response `docList`.
  static let webhookPage = #"""
    {"current_page":1,"data":[{"id":5,"url":"https://test.com/hook-in","type_call":"inbound","type":"lk","event":"destroy"},{"id":6,"url":"https://test.com/hook-out","type_call":"outbound","type":"lk","event":"create"}],"first_page_url":"http://localhost/api/v1/webhooks?page=1","from":1,"last_page":1,"last_page_url":"http://localhost/api/v1/webhooks?page=1","next_page_url":null,"path":"http://localhost/api/v1/webhooks","per_page":15,"prev_page_url":null,"to":2,"total":2}
    """#

  /// POST /webhooks request `docCreate`.
  static let createRequest = #"""
    {"url":"http://my-url.com","event":"create","type_call":"all","type_style":"long","headers":[{"name":"Special-Header","value":"header_value"}],"params":[{"name":"special_parameter","value":"123"}],"fields":[{"before":"to","after":"dest_number"}],"template":"quos"}
    """#

  /// PUT /webhooks/{webhook_id} request `docUpdate`.
  static let updateRequest = #"""
    {"url":"http://my-url.com","event":"create","type_call":"all","type_style":"long","headers":[{"name":"Special-Header","value":"header_value"}],"params":[{"name":"special_parameter","value":"123"}],"fields":[{"before":"to","after":"dest_number"}],"template":"expedita"}
    """#

  /// GET /webhooks/{webhook_id} response `docGet`.
  static let webhook = #"""
    {"id":5,"params":[{"name":"my-param","value":"my-param value"}],"url":"https://test.com/hook","type_call":"inbound","type":"lk","event":"destroy","fields":[{"before":"call_id","after":"my_call_id"},{"before":"direction","after":"my_direction"}],"type_style":"short","template":null,"headers":[{"name":"my-header","value":"my_header_value"}]}
    """#

  /// The `Success` response `docSuccess` of create, update and delete.
  static let success = #"{"success":true}"#

  /// The webhook id of the documentation samples.
  static let webhookID = 42
}

enum ThuliumSeeds {
  /// GET /webhooks response `docList`.
  static let webhooks = #"""
    [{"id":1,"actions":["CHAT_AGENT_ASSIGNED"],"subscription_url":"https://example.com/","http_auth_user":"","http_auth_password":""}]
    """#

  /// POST /webhooks request `docCreate`.
  static let createRequest = #"""
    {"actions":["CHAT_CONVERSATION_CREATED"],"subscription_url":"https://example.pl"}
    """#

  /// POST /webhooks response `docCreate`; also the inferred answer of get and update.
  static let webhook = #"""
    {"id":5,"actions":["CHAT_CONVERSATION_CREATED"],"subscription_url":"https://example.pl","http_auth_user":"","http_auth_password":""}
    """#

  /// The error example `DocErrors`.
  static let errors = #"""
    {"request_id":"53678450401cf","errors":[{"message":"Wrong format of phone number.","code":111111},{"message":"Duplicated customer name.","code":222222}]}
    """#
}
