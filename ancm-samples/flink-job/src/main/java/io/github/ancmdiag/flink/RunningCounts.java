package io.github.ancmdiag.flink;

import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.streaming.api.functions.KeyedProcessFunction;
import org.apache.flink.util.Collector;

/**
 * Keeps, per host and counted name (keyed {@code host|name}), the running count in keyed state,
 * so it survives a restart from a checkpoint, and sends each new value on.
 */
public final class RunningCounts extends KeyedProcessFunction<String, FleetCount, FleetCount> {
  private static final long serialVersionUID = 1L;

  private transient ValueState<Long> count;

  @Override
  public void open(OpenContext context) {
    count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
  }

  @Override
  public void processElement(FleetCount one, Context ctx, Collector<FleetCount> out)
      throws Exception {
    Long before = count.value();
    long now = (before == null ? 0 : before) + one.count;
    count.update(now);
    FleetCount c = new FleetCount();
    c.host = one.host;
    c.name = one.name;
    c.count = now;
    c.time = one.time;
    out.collect(c);
  }
}
