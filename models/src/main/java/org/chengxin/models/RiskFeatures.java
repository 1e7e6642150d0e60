package org.chengxin.models;

import java.util.List;
import org.chengxin.core.schema.ReviewTables;
import org.tribuo.Example;
import org.tribuo.classification.Label;
import org.tribuo.impl.ArrayExample;

/**
 * The risk model's features: the double columns of {@code seller_features}, in table order (their
 * meaning is documented there and in docs/tables.md). A saved model records the names it was
 * trained on; scoring refuses a model whose names differ.
 */
public final class RiskFeatures {

  public static final List<String> NAMES = ReviewTables.featureNames();

  /** The fraudulent class the model's risk is the probability of. */
  public static final Label FRAUD = new Label("fraud");
  public static final Label HONEST = new Label("honest");

  private static final String[] NAME_ARRAY = NAMES.toArray(String[]::new);

  private RiskFeatures() {}

  /** One seller as a Tribuo example; {@code label} is the unknown label when scoring. */
  public static Example<Label> example(double[] values, Label label) {
    if (values.length != NAME_ARRAY.length) {
      throw new IllegalArgumentException("expected " + NAME_ARRAY.length + " feature values, got " + values.length);
    }
    for (int i = 0; i < values.length; i++) {
      if (!Double.isFinite(values[i])) {
        throw new IllegalArgumentException("feature " + NAME_ARRAY[i] + " is not a finite number: " + values[i]);
      }
    }
    return new ArrayExample<>(label, NAME_ARRAY, values);
  }

  public static int index(String name) {
    int i = NAMES.indexOf(name);
    if (i < 0) {
      throw new IllegalArgumentException("no such risk feature: " + name);
    }
    return i;
  }
}
