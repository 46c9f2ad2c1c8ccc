using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using IotAdmin.Operations.Onboarding;

namespace IotAdmin.Commands.Completion
{
    /// <summary>Completes the types DT's emulator API creates (New-IotEmulatedDevice -Type).</summary>
    public sealed class EmulatedDeviceTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return EmulatedDeviceTypes.All
                .Where(t => t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
                .Select(t => new CompletionResult(t, t, CompletionResultType.ParameterValue, t))
                .ToList();
        }
    }
}
