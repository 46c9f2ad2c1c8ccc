using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace IotAdmin.Commands.Completion
{
    /// <summary>Completes project ids (display names as tooltips) from the session's short-lived project cache.</summary>
    public sealed class ProjectIdCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = CompleterSession.Find(fakeBoundParameters);
            if (session == null) return Enumerable.Empty<CompletionResult>();
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"');
            return session.Completion.ProjectIds(prefix)
                .Select(p => new CompletionResult(p.Key, p.Key + " (" + p.Value + ")", CompletionResultType.ParameterValue, p.Value.Length == 0 ? p.Key : p.Value))
                .ToList();
        }
    }
}
