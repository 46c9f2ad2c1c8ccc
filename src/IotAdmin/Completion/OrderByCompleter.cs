using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;
using IotAdmin.Completion;

namespace IotAdmin.Commands.Completion
{
    /// <summary>Completes -OrderBy with the fields the API sorts on ("-" first for descending), never file names.</summary>
    public sealed class OrderByCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            var session = CompleterSession.Find(fakeBoundParameters);
            var fields = session?.Completion.OrderByFields(prefix) ?? CompletionCatalog.OrderByFields(prefix, new string[0]);
            // A descending field is quoted: unquoted, PowerShell would read "-id" as a parameter name.
            return fields.Select(f => new CompletionResult(f.StartsWith("-") ? "'" + f + "'" : CompleterSession.Quote(f), f, CompletionResultType.ParameterValue, f.StartsWith("-") ? "descending by " + f.Substring(1) : "ascending by " + f)).ToList();
        }
    }
}
