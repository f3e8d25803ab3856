package io.github.mxmembers.model;

import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * One multi-factor authentication challenge of a {@code CHALLENGED} member, as MX's list member
 * challenges call gives it: the question ({@link #label()}), how it is answered ({@link #type()}:
 * free text, a token, one of the {@link #options()}, or about an image), and the guid the answer goes
 * under ({@link #answer}). A type MX adds later is kept, as {@link Type#UNKNOWN} with
 * the raw name in {@link #typeAsString()}, never dropped. Immutable; {@link #builder(String)} makes one,
 * as the SDK does from MX's answer and as a unit test does to stub the SDK.
 */
public final class Challenge {
  /** How a challenge is answered; MX names TEXT, OPTIONS, TOKEN, IMAGE_DATA and IMAGE_OPTIONS. */
  public enum Type {
    /** A free-text answer to a question. */
    TEXT,
    /** The {@link Option#value()} of one of the {@link #options()}. */
    OPTIONS,
    /** A one-time code the institution sent the end user. */
    TOKEN,
    /** A text answer about the image in {@link #imageData()}. */
    IMAGE_DATA,
    /** The {@link Option#value()} of one of the {@link #imageOptions()}. */
    IMAGE_OPTIONS,
    /** A type this version of the SDK does not know: see {@link Challenge#typeAsString()}. */
    UNKNOWN;

    static Type of(String raw) {
      if (raw == null) {
        return UNKNOWN;
      }
      for (Type type : values()) {
        if (type != UNKNOWN && type.name().equals(raw.toUpperCase(Locale.ROOT))) {
          return type;
        }
      }
      return UNKNOWN;
    }
  }

  /** One choice of an {@code OPTIONS} or {@code IMAGE_OPTIONS} challenge. Immutable. */
  public static final class Option {
    private final String label;
    private final String value;
    private final String guid;
    private final String dataUri;

    private Option(Builder builder) {
      this.label = builder.label;
      this.value = builder.value;
      this.guid = builder.guid;
      this.dataUri = builder.dataUri;
    }

    /** {@return a new builder, empty} */
    public static Builder builder() {
      return new Builder();
    }

    /** {@return what to show the end user; empty when MX sent none} */
    public Optional<String> label() {
      return Optional.ofNullable(label);
    }

    /** {@return what to send as the answer when the end user picks it; empty when MX sent none} */
    public Optional<String> value() {
      return Optional.ofNullable(value);
    }

    /** {@return the option's guid, where MX sent one} */
    public Optional<String> guid() {
      return Optional.ofNullable(guid);
    }

    /** {@return for an image option, the image as a {@code data:} URI} */
    public Optional<String> dataUri() {
      return Optional.ofNullable(dataUri);
    }

    /** {@return a description for logs and debugging: the label, never the image} */
    @Override
    public String toString() {
      return "Option{label=" + label + (dataUri == null ? "" : ", image=(" + dataUri.length() + " chars)") + "}";
    }

    /** Builds an {@link Option}; every part is optional, as MX's are. */
    public static final class Builder {
      private String label;
      private String value;
      private String guid;
      private String dataUri;

      private Builder() {}

      /**
       * Sets what to show the end user.
       *
       * @param label the label, or null
       * @return this builder
       */
      public Builder label(String label) {
        this.label = label;
        return this;
      }

      /**
       * Sets what to send as the answer.
       *
       * @param value the value, or null
       * @return this builder
       */
      public Builder value(String value) {
        this.value = value;
        return this;
      }

      /**
       * Sets the option's guid.
       *
       * @param guid the guid, or null
       * @return this builder
       */
      public Builder guid(String guid) {
        this.guid = guid;
        return this;
      }

      /**
       * Sets an image option's image, as a {@code data:} URI.
       *
       * @param dataUri the image, or null
       * @return this builder
       */
      public Builder dataUri(String dataUri) {
        this.dataUri = dataUri;
        return this;
      }

      /** {@return the option} */
      public Option build() {
        return new Option(this);
      }
    }
  }

  private final String guid;
  private final String label;
  private final String fieldName;
  private final String type;
  private final List<Option> options;
  private final String imageData;
  private final List<Option> imageOptions;

  private Challenge(Builder builder) {
    this.guid = builder.guid;
    this.label = builder.label;
    this.fieldName = builder.fieldName;
    this.type = builder.type;
    this.options = builder.options;
    this.imageData = builder.imageData;
    this.imageOptions = builder.imageOptions;
  }

  /**
   * A new builder for a challenge.
   *
   * @param guid the challenge's guid, which its answer names
   * @return the builder
   */
  public static Builder builder(String guid) {
    return new Builder(Objects.requireNonNull(guid, "guid == null"));
  }

  /** {@return the challenge's guid, which its answer names} */
  public String guid() {
    return guid;
  }

  /** {@return the question to show the end user} */
  public Optional<String> label() {
    return Optional.ofNullable(label);
  }

  /** {@return the institution's name for the question; not unique} */
  public Optional<String> fieldName() {
    return Optional.ofNullable(fieldName);
  }

  /** {@return how it is answered; {@link Type#UNKNOWN} for a type MX added later} */
  public Type type() {
    return Type.of(type);
  }

  /** {@return the type as MX sent it, known or not; empty when MX sent none} */
  public Optional<String> typeAsString() {
    return Optional.ofNullable(type);
  }

  /** {@return the choices of an {@code OPTIONS} challenge, in MX's order; empty otherwise} */
  public List<Option> options() {
    return options;
  }

  /** {@return the image of an {@code IMAGE_DATA} challenge, base64 as MX sent it} */
  public Optional<String> imageData() {
    return Optional.ofNullable(imageData);
  }

  /**
   * {@return the image of an {@code IMAGE_DATA} challenge, decoded; empty when there is none or it
   * is not base64 (then {@link #imageData()} has it as it came)}
   */
  public Optional<byte[]> imageBytes() {
    if (imageData == null) {
      return Optional.empty();
    }
    String data = imageData.startsWith("data:") && imageData.contains(",") ? imageData.substring(imageData.indexOf(',') + 1) : imageData;
    try {
      return Optional.of(Base64.getMimeDecoder().decode(data));
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  /** {@return the choices of an {@code IMAGE_OPTIONS} challenge, each with its image; empty otherwise} */
  public List<Option> imageOptions() {
    return imageOptions;
  }

  /**
   * The answer to this challenge, for {@link MemberResume.Builder#answer(Credential)}.
   *
   * @param value the end user's answer (for options, the chosen {@link Option#value()}); never printed
   * @return the answer
   * @throws IllegalArgumentException if the value is empty
   */
  public Credential answer(String value) {
    return Credential.of(guid, value);
  }

  /** {@return a description for logs and debugging: the question and choices, never an image} */
  @Override
  public String toString() {
    return "Challenge{guid=" + guid + ", type=" + type + ", label=" + label
        + (options.isEmpty() ? "" : ", options=" + options)
        + (imageData == null ? "" : ", image=(" + imageData.length() + " chars)")
        + (imageOptions.isEmpty() ? "" : ", imageOptions=" + imageOptions) + "}";
  }

  /** Builds a {@link Challenge}: the guid is required, every other part optional, as MX's are. */
  public static final class Builder {
    private final String guid;
    private String label;
    private String fieldName;
    private String type;
    private List<Option> options = List.of();
    private String imageData;
    private List<Option> imageOptions = List.of();

    private Builder(String guid) {
      this.guid = guid;
    }

    /**
     * Sets the question.
     *
     * @param label the question, or null
     * @return this builder
     */
    public Builder label(String label) {
      this.label = label;
      return this;
    }

    /**
     * Sets the institution's name for the question.
     *
     * @param fieldName the name, or null
     * @return this builder
     */
    public Builder fieldName(String fieldName) {
      this.fieldName = fieldName;
      return this;
    }

    /**
     * Sets the type as MX sends it, known to this SDK or not.
     *
     * @param type the type, such as {@code TEXT}, or null
     * @return this builder
     */
    public Builder type(String type) {
      this.type = type;
      return this;
    }

    /**
     * Sets a type this SDK knows.
     *
     * @param type the type; not {@link Type#UNKNOWN} (give the raw name to {@link #type(String)})
     * @return this builder
     * @throws IllegalArgumentException for {@code UNKNOWN}
     */
    public Builder type(Type type) {
      Objects.requireNonNull(type, "type == null");
      if (type == Type.UNKNOWN) {
        throw new IllegalArgumentException("type: UNKNOWN has no name; pass the type as MX sends it");
      }
      this.type = type.name();
      return this;
    }

    /**
     * Sets the choices of an {@code OPTIONS} challenge.
     *
     * @param options the choices, in MX's order; copied
     * @return this builder
     */
    public Builder options(List<Option> options) {
      this.options = List.copyOf(Objects.requireNonNull(options, "options == null"));
      return this;
    }

    /**
     * Sets the image of an {@code IMAGE_DATA} challenge, base64 as MX sends it.
     *
     * @param imageData the image, or null
     * @return this builder
     */
    public Builder imageData(String imageData) {
      this.imageData = imageData;
      return this;
    }

    /**
     * Sets the choices of an {@code IMAGE_OPTIONS} challenge.
     *
     * @param imageOptions the choices, each with its image; copied
     * @return this builder
     */
    public Builder imageOptions(List<Option> imageOptions) {
      this.imageOptions = List.copyOf(Objects.requireNonNull(imageOptions, "imageOptions == null"));
      return this;
    }

    /** {@return the challenge} */
    public Challenge build() {
      return new Challenge(this);
    }
  }
}
