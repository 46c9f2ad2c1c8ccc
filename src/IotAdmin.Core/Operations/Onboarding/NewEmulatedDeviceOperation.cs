using System;
using System.Collections;
using System.Collections.Generic;
using System.Globalization;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Errors;
using IotAdmin.Models;
using IotAdmin.Output;
using IotAdmin.Sessions;
using IotAdmin.Validation;

namespace IotAdmin.Operations.Onboarding
{
    /// <summary>New-IotEmulatedDevice: -Count emulated devices of one type in one project, one create call each (never resent: a resend would make a second device).</summary>
    internal static class NewEmulatedDeviceOperation
    {
        public const string CommandName = "New-IotEmulatedDevice";
        public const int MaxCount = 1000;

        public static async Task<IotBulkSummary> RunAsync(IotSession session, string? emulatorEndpoint, string projectId, string type, string? displayName, IDictionary? labels, int count, ICommandOutput output, CancellationToken cancellationToken)
        {
            InputRules.Require(InputRules.CheckId("Project", projectId), "ProjectId");
            var canonical = EmulatedDeviceTypes.Canonical(type);
            InputRules.Require(canonical == null ? "-Type '" + type + "' is not a type the emulator makes: " + string.Join(", ", EmulatedDeviceTypes.All) + "." : null, "Type");
            if (count < 1 || count > MaxCount) throw new ArgumentException("-Count must be 1 to " + MaxCount + ".", "Count");
            var baseLabels = CheckLabels(labels);
            var backend = OnboardingApi.For(session, emulatorEndpoint);
            var tally = new OnboardingTally(session, CommandName);
            var context = tally.Context(output);
            for (var i = 1; i <= count; i++)
            {
                var deviceLabels = new Dictionary<string, string>(baseLabels, StringComparer.Ordinal);
                if (displayName != null) deviceLabels["name"] = count == 1 ? displayName : displayName + " " + i.ToString(CultureInfo.InvariantCulture);
                try
                {
                    output.WriteObject(await backend.CreateEmulatedDeviceAsync(projectId, canonical!, deviceLabels, context, cancellationToken).ConfigureAwait(false));
                    tally.Succeeded++;
                }
                catch (IotApiException e) when (!ErrorRules.EndsTheCommand(e))
                {
                    tally.Fail(output, IotErrorInfo.FromApi(e, projectId));
                }
            }

            return tally.WriteSummary(output);
        }

        /// <summary>-Label checked by the same rules as Set-IotLabel's, before any request.</summary>
        private static Dictionary<string, string> CheckLabels(IDictionary? labels)
        {
            var result = new Dictionary<string, string>(StringComparer.Ordinal);
            if (labels == null) return result;
            foreach (DictionaryEntry entry in labels)
            {
                var key = Convert.ToString(entry.Key, CultureInfo.InvariantCulture) ?? string.Empty;
                var value = entry.Value == null ? null : Convert.ToString(entry.Value, CultureInfo.InvariantCulture);
                InputRules.Require(InputRules.CheckLabelKey(key) ?? InputRules.CheckLabelValue(key, value), "Label");
                result[key] = value!;
            }

            return result;
        }
    }
}
