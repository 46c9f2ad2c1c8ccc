using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Output;
using IotAdmin.Sessions;
using IotAdmin.Validation;

namespace IotAdmin.Operations.Onboarding
{
    /// <summary>Get-IotClaimInfo: one claimInfo call per id; an unknown id is a non-terminating error with the id as target.</summary>
    internal static class GetClaimInfoOperation
    {
        public static async Task RunAsync(IotSession session, IReadOnlyList<string> identifiers, ICommandOutput output, CancellationToken cancellationToken)
        {
            var backend = OnboardingApi.For(session);
            var context = new Http.ApiCallContext(output);
            foreach (var id in identifiers)
            {
                var problem = InputRules.CheckId("Kit or device", id);
                if (problem != null)
                {
                    output.WriteError(IotErrorInfo.InvalidInput(ClientErrorIds.InvalidDeviceId, problem, id, "Pass the kit id printed on the box or the device id from the sensor's label."));
                    continue;
                }

                try
                {
                    output.WriteObject(await backend.GetClaimInfoAsync(id, context, cancellationToken).ConfigureAwait(false));
                }
                catch (IotApiException e) when (!Errors.ErrorRules.EndsTheCommand(e))
                {
                    output.WriteError(IotErrorInfo.FromApi(e, id));
                }
            }
        }
    }
}
