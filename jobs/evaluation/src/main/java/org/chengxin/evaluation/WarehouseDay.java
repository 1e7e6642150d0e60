package org.chengxin.evaluation;

import java.time.LocalDate;
import java.util.function.Supplier;
import org.chengxin.core.cli.Arguments;
import org.chengxin.core.cli.Arguments.Arg;
import org.chengxin.core.warehouse.Warehouse;

/**
 * The warehouse a nightly run wrote and the day an evaluation command reads from it.
 *
 * @param warehouse the local warehouse
 * @param date the evaluated day
 */
record WarehouseDay(Warehouse warehouse, LocalDate date) {

  /** Declares --warehouse and --date; returns them once the arguments are parsed. */
  static Supplier<WarehouseDay> declare(Arguments cli, String dateHelp) {
    Arg<String> warehouse = cli.requiredText("warehouse", "DIR", "warehouse the nightly run wrote");
    Arg<LocalDate> date = cli.date("date", dateHelp);
    return () -> new WarehouseDay(Warehouse.local(warehouse.value()), date.value());
  }
}
