using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Output;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Output
{
    public class PipelinePumpTests
    {
        [Fact]
        public void Forwards_everything_on_the_calling_thread_in_order()
        {
            var pipelineThread = Environment.CurrentManagedThreadId;
            var threads = new List<int>();
            var output = new ThreadCheckingOutput(threads);
            PipelinePump.Run(output, CancellationToken.None, async (o, ct) =>
            {
                o.WriteObject(1);
                await Task.Delay(5, ct);
                o.Verbose("v");
                await Task.Yield();
                o.WriteObject(2);
                Assert.True(o.ShouldProcess("t", "a"));
                o.WriteObject(3);
            });
            Assert.Equal(new object[] { 1, 2, 3 }, output.Inner.Objects);
            Assert.Equal(new[] { "v" }, output.Inner.VerboseMessages);
            Assert.All(threads, t => Assert.Equal(pipelineThread, t));
            Assert.Single(output.Inner.ShouldProcessCalls);
        }

        [Fact]
        public void Work_failure_is_rethrown_on_the_pipeline_thread_after_its_output()
        {
            var output = new RecordingOutput();
            var e = Assert.Throws<InvalidOperationException>(() => PipelinePump.Run(output, CancellationToken.None, (o, ct) =>
            {
                o.WriteObject("before");
                throw new InvalidOperationException("boom");
            }));
            Assert.Equal("boom", e.Message);
            Assert.Equal(new object[] { "before" }, output.Objects);
        }

        [Fact]
        public void Forwarding_failure_cancels_the_work_and_is_rethrown()
        {
            var output = new StoppingOutput(after: 3);
            var observedCancellation = false;
            Assert.Throws<OperationCanceledException>(() => PipelinePump.Run(output, CancellationToken.None, async (o, ct) =>
            {
                try
                {
                    for (var i = 0; ; i++)
                    {
                        o.WriteObject(i);
                        await Task.Delay(1, ct);
                    }
                }
                catch (OperationCanceledException)
                {
                    observedCancellation = true;
                    throw;
                }
            }));
            Assert.True(observedCancellation);
        }

        [Fact]
        public void Pending_should_process_is_answered_no_when_forwarding_stops()
        {
            var output = new StoppingOutput(after: 0);
            bool? answer = null;
            Assert.Throws<OperationCanceledException>(() => PipelinePump.Run(output, CancellationToken.None, (o, ct) =>
            {
                o.WriteObject("x"); // forwarding this throws
                answer = o.ShouldProcess("t", "a");
                return Task.CompletedTask;
            }));
            Assert.False(answer);
        }

        private sealed class ThreadCheckingOutput : ICommandOutput
        {
            private readonly List<int> _threads;

            public ThreadCheckingOutput(List<int> threads) => _threads = threads;

            public RecordingOutput Inner { get; } = new RecordingOutput();

            public void WriteObject(object item) => Seen(() => Inner.WriteObject(item));

            public void WriteError(IotErrorInfo error) => Seen(() => Inner.WriteError(error));

            public void WriteWarning(string message) => Seen(() => Inner.WriteWarning(message));

            public void WriteProgress(IotProgress progress) => Seen(() => Inner.WriteProgress(progress));

            public void WriteInformation(object data, string[] tags) => Seen(() => Inner.WriteInformation(data, tags));

            public bool ShouldProcess(string target, string action)
            {
                _threads.Add(Environment.CurrentManagedThreadId);
                return Inner.ShouldProcess(target, action);
            }

            public void Verbose(string message) => Seen(() => Inner.Verbose(message));

            public void Debug(string message) => Seen(() => Inner.Debug(message));

            private void Seen(Action a)
            {
                _threads.Add(Environment.CurrentManagedThreadId);
                a();
            }
        }

        /// <summary>Throws like a stopped pipeline (Select-Object -First) after N objects.</summary>
        private sealed class StoppingOutput : ICommandOutput
        {
            private readonly int _after;
            private int _count;

            public StoppingOutput(int after) => _after = after;

            public void WriteObject(object item)
            {
                if (_count++ >= _after) throw new OperationCanceledException("pipeline stopped");
            }

            public void WriteError(IotErrorInfo error)
            {
            }

            public void WriteWarning(string message)
            {
            }

            public void WriteProgress(IotProgress progress)
            {
            }

            public void WriteInformation(object data, string[] tags)
            {
            }

            public bool ShouldProcess(string target, string action) => true;

            public void Verbose(string message)
            {
            }

            public void Debug(string message)
            {
            }
        }
    }
}
