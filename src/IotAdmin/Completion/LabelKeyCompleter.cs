using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Management.Automation;
using System.Management.Automation.Language;

namespace IotAdmin.Commands.Completion
{
    /// <summary>
    /// Completes label names seen in this session's listings: plain names for -Name, and a hashtable to fill in
    /// (<c>@{ zone = '' }</c>) for -Label.
    /// </summary>
    public sealed class LabelKeyCompleter : IArgumentCompleter
    {
        public IEnumerable<CompletionResult> CompleteArgument(string commandName, string parameterName, string wordToComplete, CommandAst commandAst, IDictionary fakeBoundParameters)
        {
            var session = CompleterSession.Find(fakeBoundParameters);
            if (session == null) return Enumerable.Empty<CompletionResult>();
            var asHashtable = parameterName == "Label";
            var prefix = (wordToComplete ?? string.Empty).Trim('\'', '"', '@', '{', ' ');
            return session.Completion.LabelKeys(prefix)
                .Select(k =>
                {
                    var key = CompleterSession.Quote(k);
                    return new CompletionResult(asHashtable ? "@{ " + key + " = '' }" : key, k, CompletionResultType.ParameterValue, "label " + k);
                })
                .ToList();
        }
    }
}
