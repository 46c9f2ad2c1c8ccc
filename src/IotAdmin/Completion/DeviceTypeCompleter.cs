using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using IotAdmin.Completion;

namespace IotAdmin.Commands.Completion
{
    /// <summary>Completes the DT device types.</summary>
    public sealed class DeviceTypeCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            FixedValues.Matching(CompletionCatalog.DeviceTypes, wordToComplete);
    }
}
