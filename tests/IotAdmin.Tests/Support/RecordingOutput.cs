using System.Collections.Generic;
using IotAdmin.Output;

namespace IotAdmin.Tests.Support
{
    /// <summary>An ICommandOutput that records what a command emitted, in order; ShouldProcess answers as told.</summary>
    internal sealed class RecordingOutput : ICommandOutput
    {
        private readonly object _lock = new object();

        public List<object> Objects { get; } = new List<object>();

        public List<IotErrorInfo> Errors { get; } = new List<IotErrorInfo>();

        public List<string> Warnings { get; } = new List<string>();

        public List<string> VerboseMessages { get; } = new List<string>();

        public List<string> DebugMessages { get; } = new List<string>();

        public List<IotProgress> Progress { get; } = new List<IotProgress>();

        public List<(object Data, string[] Tags)> Information { get; } = new List<(object, string[])>();

        public List<(string Target, string Action)> ShouldProcessCalls { get; } = new List<(string, string)>();

        /// <summary>The answer to ShouldProcess (true = go ahead; false = -WhatIf or "No").</summary>
        public bool ShouldProcessAnswer { get; set; } = true;

        /// <summary>Everything written to any stream, for secret-leak checks.</summary>
        public IEnumerable<string> AllText()
        {
            lock (_lock)
            {
                foreach (var o in Objects) yield return o.ToString() ?? string.Empty;
                foreach (var e in Errors)
                {
                    yield return e.Message;
                    yield return e.RecommendedAction;
                    yield return e.Exception.ToString();
                }

                foreach (var s in Warnings) yield return s;
                foreach (var s in VerboseMessages) yield return s;
                foreach (var s in DebugMessages) yield return s;
                foreach (var i in Information) yield return i.Data.ToString() ?? string.Empty;
            }
        }

        public void WriteObject(object item)
        {
            lock (_lock) Objects.Add(item);
        }

        public void WriteError(IotErrorInfo error)
        {
            lock (_lock) Errors.Add(error);
        }

        public void WriteWarning(string message)
        {
            lock (_lock) Warnings.Add(message);
        }

        public void WriteProgress(IotProgress progress)
        {
            lock (_lock) Progress.Add(progress);
        }

        public void WriteInformation(object data, string[] tags)
        {
            lock (_lock) Information.Add((data, tags));
        }

        public bool ShouldProcess(string target, string action)
        {
            lock (_lock) ShouldProcessCalls.Add((target, action));
            return ShouldProcessAnswer;
        }

        public void Verbose(string message)
        {
            lock (_lock) VerboseMessages.Add(message);
        }

        public void Debug(string message)
        {
            lock (_lock) DebugMessages.Add(message);
        }
    }
}
