using System.Collections;
using System.Collections.Generic;
using System.Management.Automation;
using System.Management.Automation.Language;
using IotAdmin.Operations.Admin;

namespace IotAdmin.Commands.Completion
{
    /// <summary>Completes the four role names (no request: they are fixed by the API).</summary>
    public sealed class RoleCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters) =>
            FixedValues.Matching(AdminRules.AllRoles, wordToComplete);
    }
}
