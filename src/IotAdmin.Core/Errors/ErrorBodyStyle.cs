namespace IotAdmin.Errors
{
    /// <summary>Which of the body shapes in error-model.md §1 an error answer had.</summary>
    internal enum ErrorBodyStyle
    {
        /// <summary>Empty, not JSON, or JSON of no known shape.</summary>
        None,
        /// <summary>DT: {"error":"text","code":409,"help":"url"}.</summary>
        Dt,
        /// <summary>Google AIP-193: {"error":{"code","message","status","details"}}.</summary>
        Google,
        /// <summary>OAuth2 token endpoint (RFC 6749): {"error":"invalid_grant","error_description":"..."}.</summary>
        OAuth,
        /// <summary>A bare google.rpc.Status: {"code":5,"message":...,"details":[...]}.</summary>
        RpcStatus,
    }
}
