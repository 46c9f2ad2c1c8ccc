using System;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Http;

namespace IotAdmin.Auth
{
    /// <summary>Hands out a valid access token; the HTTP pipeline asks for one before every attempt.</summary>
    internal interface IAccessTokenSource
    {
        /// <summary>When the current token expires; null before the first one.</summary>
        DateTimeOffset? ExpiresOn { get; }

        Task<string> GetTokenAsync(ApiCallContext context, CancellationToken cancellationToken);

        /// <summary>The server rejected <paramref name="token"/> (401): the next GetTokenAsync fetches a new one.</summary>
        void Invalidate(string token);
    }
}
