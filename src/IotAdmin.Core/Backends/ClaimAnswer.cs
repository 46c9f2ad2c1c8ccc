using System;
using System.Collections.Generic;
using IotAdmin.Models;

namespace IotAdmin.Backends
{
    /// <summary>A claim call's answer: the devices claimed (or claimable, in a dry run) and each kit's or device's failure.</summary>
    internal sealed class ClaimAnswer
    {
        public ClaimAnswer(IReadOnlyList<IotClaimDevice> claimed, IReadOnlyList<ClaimError> errors)
        {
            Claimed = claimed;
            Errors = errors;
        }

        public IReadOnlyList<IotClaimDevice> Claimed { get; }

        public IReadOnlyList<ClaimError> Errors { get; }
    }

    /// <summary>One kit's or device's claim error, with the server's code (ALREADY_CLAIMED, NOT_FOUND, …).</summary>
    internal sealed class ClaimError
    {
        public const string AlreadyClaimedCode = "ALREADY_CLAIMED";

        public ClaimError(string id, bool isKit, string code, IotApiException error)
        {
            Id = id;
            IsKit = isKit;
            Code = code;
            Error = error;
        }

        public string Id { get; }

        public bool IsKit { get; }

        public string Code { get; }

        public IotApiException Error { get; }

        public bool IsAlreadyClaimed => string.Equals(Code, AlreadyClaimedCode, StringComparison.Ordinal);
    }
}
