using System;
using System.Collections.Generic;
using System.Management.Automation;

namespace IotAdmin.Commands.Infrastructure
{
    /// <summary>
    /// Whether a person is watching the prompt: then a bulk summary is also shown on the host (as Write-Host does),
    /// while scripts and runbooks (a host without a console, or PowerShell started -NonInteractive) keep it on the
    /// Information stream only.
    /// </summary>
    internal static class InteractiveSession
    {
        /// <summary>The host of runspaces made through the API (Azure Automation sandboxes, [powershell]::Create()).</summary>
        private const string ApiHost = "Default Host";

        public static bool IsInteractive(PSCmdlet cmdlet) =>
            Decide(Environment.UserInteractive, cmdlet.Host?.Name, cmdlet.Host?.UI != null, Environment.GetCommandLineArgs());

        /// <param name="userInteractive">Environment.UserInteractive (false in services).</param>
        /// <param name="hostName">$Host.Name.</param>
        /// <param name="hasUi">The host has a user interface to write to.</param>
        /// <param name="commandLine">The process's command line (pwsh's own switches come before -Command/-File).</param>
        internal static bool Decide(bool userInteractive, string? hostName, bool hasUi, IReadOnlyList<string> commandLine) =>
            userInteractive && hasUi && hostName != null && hostName != ApiHost && !StartedNonInteractive(commandLine);

        /// <summary>pwsh -NonInteractive (any abbreviation down to -noni, with - or /), before the script's own arguments.</summary>
        internal static bool StartedNonInteractive(IReadOnlyList<string> commandLine)
        {
            for (var i = 1; i < commandLine.Count; i++)
            {
                var word = commandLine[i];
                if (word.Length < 2 || (word[0] != '-' && word[0] != '/')) continue;
                var key = word.TrimStart('-', '/').ToLowerInvariant();
                if (key.Length >= 4 && "noninteractive".StartsWith(key, StringComparison.Ordinal)) return true;
                // What follows -Command, -File or -EncodedCommand belongs to the script.
                if (key.Length > 0 && ("command".StartsWith(key, StringComparison.Ordinal) || "file".StartsWith(key, StringComparison.Ordinal) || key == "encodedcommand" || key == "ec")) return false;
            }

            return false;
        }
    }
}
