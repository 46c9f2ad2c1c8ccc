using System.Threading;
using System.Threading.Tasks;
using IotAdmin.Output;
using IotAdmin.Tests.Support;
using Xunit;

namespace IotAdmin.Tests.Faults
{
    /// <summary>Issue 12, item 4: the work runs at most <see cref="PipelinePump.MaxQueued"/> outputs ahead of a slow consumer.</summary>
    public class BoundedPumpTests
    {
        [Fact]
        public void A_fast_producer_waits_for_a_slow_consumer()
        {
            var produced = 0;
            var consumer = new Consumer(() => Volatile.Read(ref produced));
            PipelinePump.Run(consumer, CancellationToken.None, async (output, ct) =>
            {
                await Task.Yield();
                for (var i = 0; i < 5000; i++)
                {
                    Interlocked.Increment(ref produced);
                    output.WriteObject(i);
                }
            });

            Assert.Equal(5000, consumer.Consumed);
            // Produced but not yet consumed: the queue, plus the one item the worker holds while it waits.
            Assert.InRange(consumer.MaxAhead, 0, PipelinePump.MaxQueued + 1); // unbounded, it was thousands
        }

        private sealed class Consumer : ForwardingOutput
        {
            private readonly System.Func<int> _produced;

            public Consumer(System.Func<int> produced)
                : base(new RecordingOutput())
            {
                _produced = produced;
            }

            public int Consumed { get; private set; }

            public int MaxAhead { get; private set; }

            public override void WriteObject(object item)
            {
                Consumed++;
                if (Consumed % 100 == 0) Thread.Sleep(1); // slow enough for the worker to fill the queue
                var ahead = _produced() - Consumed;
                if (ahead > MaxAhead) MaxAhead = ahead;
            }
        }
    }
}
