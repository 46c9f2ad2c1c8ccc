using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using IotAdmin.Operations.Onboarding;

namespace IotAdmin.Commands.Completion
{
    /// <summary>Completes the types DT's emulator API creates (New-IotEmulatedDevice -Type).</summary>
    public sealed class EmulatedDeviceTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            FixedValues.Matching(EmulatedDeviceTypes.All, wordToComplete);
    }
}
