using IotAdmin.Http;
using IotAdmin.Models;
using IotAdmin.Output;
using IotAdmin.Sessions;

namespace IotAdmin.Operations.Onboarding
{
    /// <summary>Counts an onboarding command's outcomes and requests, and writes its summary (Information stream, tags IotAdmin, Summary).</summary>
    internal sealed class OnboardingTally
    {
        private readonly IotSession _session;
        private readonly string _command;
        private readonly long _started;

        public OnboardingTally(IotSession session, string command)
        {
            _session = session;
            _command = command;
            _started = session.Time.GetTimestamp();
        }

        public RequestCounters Counters { get; } = new RequestCounters();

        public int Succeeded { get; set; }

        public int Failed { get; set; }

        public int Skipped { get; set; }

        public int WhatIf { get; set; }

        public ApiCallContext Context(ICommandOutput output) => new ApiCallContext(output, Counters);

        public void Fail(ICommandOutput output, IotErrorInfo error)
        {
            Failed++;
            output.WriteError(error);
        }

        public IotBulkSummary Summary() => IotBulkSummary.Of(_command, Succeeded, Failed, Skipped, WhatIf, Counters, _session.Time.GetElapsedTime(_started));

        public IotBulkSummary WriteSummary(ICommandOutput output)
        {
            var summary = Summary();
            output.WriteInformation(summary, new[] { "IotAdmin", "Summary", _command });
            return summary;
        }
    }
}
