package dev.migrata.processor;

import static com.google.testing.compile.CompilationSubject.assertThat;
import static dev.migrata.processor.Compiling.compile;
import static dev.migrata.processor.Compiling.files;
import static dev.migrata.processor.Compiling.migration;
import static dev.migrata.processor.Compiling.source;
import static dev.migrata.processor.Compiling.written;
import static dev.migrata.processor.MigrationGoldenTest.LIB;
import static dev.migrata.processor.MigrationGoldenTest.MIGRATIONS;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.testing.compile.Compilation;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.tools.JavaFileObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: Django's field types by name, the default auto field and explicit choices, as golden
 * migrations and as diagnostics.
 */
class DjangoTypesTest {
  @TempDir Path root;

  static JavaFileObject model(String name, String imports, String body) {
    return source(
        LIB + "." + name,
        "package com.example.library;\n"
            + "import dev.migrata.annotations.*;\n"
            + imports
            + "@Model\n"
            + "public class "
            + name
            + " {\n"
            + body
            + "}\n");
  }

  static JavaFileObject app(String attributes) {
    return source(
        LIB + ".package-info",
        "@dev.migrata.annotations.App(" + attributes + ")\npackage com.example.library;\n");
  }

  static JavaFileObject language() {
    return source(
        LIB + ".Language",
        "package com.example.library;\n"
            + "import dev.migrata.annotations.ChoiceValue;\n"
            + "public enum Language {\n"
            + "  @ChoiceValue(value = \"pt-br\", label = \"Brazilian Portuguese\") PT_BR,\n"
            + "  @ChoiceValue(value = \"en\", label = \"English\") EN,\n"
            + "  DE\n"
            + "}\n");
  }

  static final String PROFILE =
      "  @Field(type = \"EmailField\") String email;\n"
          + "  @Field(type = \"URLField\") String homepage;\n"
          + "  @Field(type = \"URLField\", maxLength = 300) String blog;\n"
          + "  @Field(type = \"SlugField\") String slug;\n"
          + "  @Field(type = \"SlugField\", index = false) String handle;\n"
          + "  @Field(type = \"FileField\") String resume;\n"
          + "  @Field(type = \"ImageField\", nullable = true) String avatar;\n"
          + "  @Field(type = \"GenericIPAddressField\", nullable = true) String lastIp;\n"
          + "  @Field(type = \"PositiveSmallIntegerField\") short level;\n"
          + "  @Field(type = \"PositiveIntegerField\") int karma;\n"
          + "  @Field(type = \"PositiveBigIntegerField\") Long views;\n"
          + "  @Field(type = \"DurationField\") java.time.Duration session;\n"
          + "  @Field(type = \"BinaryField\") byte[] key;\n"
          + "  @Field(type = \"TextField\") String bio;\n"
          + "  @Field(type = \"CharField\", maxLength = 10) String code;\n"
          + "  @Field(choices = {\"pt-br=Brazilian Portuguese\", \"=None\", \"en\"},"
          + " maxLength = 5) String locale;\n"
          + "  @Field(choices = {\"1=One\", \"02=Two\"}) int rank;\n"
          + "  @Field Language language;\n";

  private String next(String className, List<String> options, JavaFileObject... sources) {
    List<String> before = files(root, MIGRATIONS);
    Compilation compilation = compile(root, options, sources);
    assertThat(compilation).succeeded();
    List<String> after = files(root, MIGRATIONS);
    assertThat(after).contains(className + ".java").hasSize(before.size() + 1);
    return written(root, MIGRATIONS, className);
  }

  private static JavaFileObject[] with(List<JavaFileObject> base, JavaFileObject... more) {
    List<JavaFileObject> all = new ArrayList<>(base);
    all.addAll(List.of(more));
    return all.toArray(JavaFileObject[]::new);
  }

  @Test
  void fieldTypesByNameWithDjangosDefaults() {
    String text = next("M0001_initial", List.of(), model("Profile", "", PROFILE), language());
    Golden.assertMatches("library/M0001_django_types.java", text);
  }

  /** Django's FilePathField: a varchar(100) whose default max_length the migration leaves out. */
  @Test
  void filePathFieldIsAStringTypeByName() {
    String text =
        next(
            "M0001_initial",
            List.of(),
            model(
                "Scan",
                "",
                "  @Field(type = \"FilePathField\") String path;\n"
                    + "  @Field(type = \"FilePathField\", maxLength = 255) String longPath;\n"));
    assertThat(text)
        .contains("@FieldDef(name = \"path\", type = \"FilePathField\")")
        .contains("@FieldDef(name = \"longPath\", type = \"FilePathField\", maxLength = 255)");
    Compilation wrongType =
        compile(root, model("Odd", "", "  @Field(type = \"FilePathField\") int path;\n"));
    assertThat(wrongType).hadErrorContaining("[migrata.E069]");
  }

  @Test
  void choicesAndLabelsAreStateAndAChangeIsAnAlterField() {
    List<JavaFileObject> base = List.of(language());
    next("M0001_initial", List.of(), with(base, model("Profile", "", PROFILE)));
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    String changed = PROFILE.replace("\"pt-br=Brazilian Portuguese\"", "\"pt-br=Português\"");
    String text =
        next(
            "M0002_alter_profile_locale", List.of(), with(base, model("Profile", "", changed), m1));
    Golden.assertMatches("library/M0002_alter_profile_locale.java", text);
    // Replayed, the same models need nothing more.
    JavaFileObject m2 = migration(root, MIGRATIONS, "M0002_alter_profile_locale");
    Compilation again = compile(root, with(base, model("Profile", "", changed), m1, m2));
    assertThat(again).succeeded();
    assertThat(files(root, MIGRATIONS)).hasSize(2);
  }

  @Test
  void mappingAnEnumConstantWarnsThatRowsKeepTheOldValue() {
    JavaFileObject plain =
        source(
            LIB + ".Language",
            "package com.example.library;\npublic enum Language { PT_BR, EN }\n");
    JavaFileObject tag = model("Tag", "", "  @Field Language language;\n");
    next("M0001_initial", List.of(), plain, tag);
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    JavaFileObject mapped =
        source(
            LIB + ".Language",
            "package com.example.library;\n"
                + "import dev.migrata.annotations.ChoiceValue;\n"
                + "public enum Language {\n"
                + "  @ChoiceValue(value = \"pt-br\", label = \"Brazilian Portuguese\") PT_BR,\n"
                + "  EN\n"
                + "}\n");
    Compilation c = compile(root, mapped, tag, m1);
    assertThat(c).succeeded();
    assertThat(c)
        .hadWarningContaining(
            "[migrata.W052] The choices of the field 'language' of Tag no longer include"
                + " 'PT_BR', and the migration changes no rows")
        .inFile(tag)
        .onLineContaining("Language language");
    assertThat(written(root, MIGRATIONS, "M0002_alter_tag_language"))
        .contains("choices = {\"pt-br=Brazilian Portuguese\", \"EN\"}");
  }

  @Test
  void appDefaultAutoFieldTypesImplicitIdsAndJoinTables() {
    JavaFileObject tag = model("Tag", "", "  @Field(maxLength = 20) String name;\n");
    JavaFileObject post =
        model("Post", "import java.util.Set;\n", "  @ManyToMany Set<Tag> tags;\n");
    String text =
        next(
            "M0001_initial",
            List.of(),
            app("value = \"library\", defaultAutoField = \"AutoField\""),
            tag,
            post);
    Golden.assertMatches("library/M0001_default_auto_field.java", text);
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    // The project option is overruled by the app; changing the app's alters each implicit id
    // (and, as in Django, no join table).
    String altered =
        next(
            "M0002_alter_post_id_alter_tag_id",
            List.of("-Amigrata.defaultAutoField=AutoField"),
            app("value = \"library\", defaultAutoField = \"SmallAutoField\""),
            tag,
            post,
            m1);
    Golden.assertMatches("library/M0002_alter_post_id_alter_tag_id.java", altered);
  }

  @Test
  void aMisspelledJoinAutoFieldInAMigrationIsAnErrorOnIt() {
    JavaFileObject tag = model("Tag", "", "  @Field(maxLength = 20) String name;\n");
    JavaFileObject post =
        model("Post", "import java.util.Set;\n", "  @ManyToMany Set<Tag> tags;\n");
    JavaFileObject info = app("value = \"library\", defaultAutoField = \"AutoField\"");
    String text = next("M0001_initial", List.of(), info, tag, post);
    JavaFileObject edited =
        source(
            MIGRATIONS + ".M0001_initial",
            text.replace("joinAutoField = \"AutoField\"", "joinAutoField = \"Autofield\""));
    Compilation c = compile(root, info, tag, post, edited);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E037] The joinAutoField = \"Autofield\" in the migration"
                + " library.0001_initial is not an auto field type. Use one of: AutoField,"
                + " BigAutoField, SmallAutoField.")
        .inFile(edited)
        .onLineContaining("joinAutoField = \"Autofield\"");
  }

  @Test
  void anAlteredJoinTableKeepsTheIdItWasCreatedWith() {
    JavaFileObject tag = model("Tag", "", "  @Field(maxLength = 20) String name;\n");
    next(
        "M0001_initial",
        List.of(),
        app("value = \"library\", defaultAutoField = \"AutoField\""),
        tag,
        model("Post", "import java.util.Set;\n", "  @ManyToMany Set<Tag> tags;\n"));
    JavaFileObject m1 = migration(root, MIGRATIONS, "M0001_initial");
    String text =
        next(
            "M0002_alter_post_tags",
            List.of(),
            app("value = \"library\", defaultAutoField = \"AutoField\""),
            tag,
            model(
                "Post",
                "import java.util.Set;\n",
                "  @ManyToMany(relatedName = \"posts\") Set<Tag> tags;\n"),
            m1);
    assertThat(text).contains("relatedName = \"posts\"").contains("joinAutoField = \"AutoField\"");
    // A new default: the implicit ids follow, the join table does not.
    JavaFileObject m2 = migration(root, MIGRATIONS, "M0002_alter_post_tags");
    String ids =
        next(
            "M0003_alter_post_id_alter_tag_id",
            List.of(),
            tag,
            model(
                "Post",
                "import java.util.Set;\n",
                "  @ManyToMany(relatedName = \"posts\") Set<Tag> tags;\n"),
            m1,
            m2);
    assertThat(ids).contains("type = \"BigAutoField\"").doesNotContain("name = \"tags\"");
  }

  @Test
  void projectOptionSetsTheDefaultAutoField() {
    String text =
        next(
            "M0001_initial",
            List.of("-Amigrata.defaultAutoField=SmallAutoField"),
            model("Tag", "", "  @Field(maxLength = 20) String name;\n"));
    assertThat(text)
        .contains("@FieldDef(name = \"id\", type = \"SmallAutoField\", primaryKey = true)");
  }

  @Test
  void unknownDefaultAutoFieldOnTheApp() {
    JavaFileObject info = app("value = \"library\", defaultAutoField = \"UUIDField\"");
    Compilation c =
        compile(root, info, model("Tag", "", "  @Field(maxLength = 20) String name;\n"));
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E068] The default auto field 'UUIDField' of the @App of com.example.library"
                + " is not one of AutoField, BigAutoField or SmallAutoField")
        .inFile(info)
        .onLineContaining("defaultAutoField");
  }

  @Test
  void unknownDefaultAutoFieldOption() {
    Compilation c =
        compile(
            root,
            List.of("-Amigrata.defaultAutoField=Big"),
            model("Tag", "", "  @Field(maxLength = 20) String name;\n"));
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E068] The default auto field 'Big' of the option -Amigrata.defaultAutoField");
  }

  @Test
  void typeThatDoesNotFitTheJavaType() {
    JavaFileObject m =
        model("Tag", "", "  @Field(type = \"PositiveIntegerField\") String count;\n");
    Compilation c = compile(root, m);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E069] The field 'count' of Tag is declared as PositiveIntegerField, which"
                + " does not fit its Java type java.lang.String; PositiveIntegerField is for short,"
                + " int, long, Short, Integer, Long, an enum.")
        .inFile(m)
        .onLineContaining("String count");
    JavaFileObject email = model("Tag", "", "  @Field(type = \"EmailField\") int count;\n");
    assertThat(compile(root, email)).hadErrorContaining("EmailField is for String.");
  }

  @Test
  void duplicateChoiceValues() {
    JavaFileObject m =
        model("Tag", "", "  @Field(choices = {\"1=One\", \"01=Also one\"}) int rank;\n");
    Compilation c = compile(root, m);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E070] The choice value '1' of the field 'rank' of Tag is given twice.")
        .inFile(m)
        .onLineContaining("int rank");
  }

  @Test
  void choiceThatIsNotAValueOfTheType() {
    JavaFileObject m = model("Tag", "", "  @Field(choices = {\"one=One\"}) int rank;\n");
    Compilation c = compile(root, m);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E071] The choice 'one=One' of the field 'rank' of Tag is not a value of its"
                + " type IntegerField: it is not a number in range.")
        .inFile(m)
        .onLineContaining("int rank");
  }

  @Test
  void choicesOnAnEnumField() {
    JavaFileObject m =
        model("Tag", "", "  @Field(choices = {\"en=English\"}) Language language;\n");
    Compilation c = compile(root, m, language());
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[migrata.E072] The field 'language' of Tag is an enum, whose constants are its"
                + " choices, and also declares choices.")
        .inFile(m)
        .onLineContaining("Language language");
  }

  @Test
  void enumOnAnIntegerFieldIsDjangosIntegerChoices() {
    JavaFileObject priority =
        source(
            LIB + ".Priority",
            "package com.example.library;\n"
                + "import dev.migrata.annotations.ChoiceValue;\n"
                + "public enum Priority {\n"
                + "  @ChoiceValue(value = \"1\", label = \"Low\") LOW,\n"
                + "  @ChoiceValue(value = \"2\", label = \"High\") HIGH\n"
                + "}\n");
    String text =
        next(
            "M0001_initial",
            List.of(),
            priority,
            model(
                "Tag",
                "",
                "  @Field(type = \"PositiveSmallIntegerField\", defaultValue = \"LOW\")"
                    + " Priority priority;\n"));
    assertThat(text)
        .contains(
            "type = \"PositiveSmallIntegerField\",\n"
                + "                defaultValue = \"1\",\n"
                + "                choices = {\"1=Low\", \"2=High\"})");
  }

  @Test
  void explicitAutoPrimaryKey() {
    String text =
        next(
            "M0001_initial",
            List.of(),
            model(
                "Tag",
                "",
                "  @Field(type = \"SmallAutoField\", primaryKey = true) short code;\n"
                    + "  @Field(maxLength = 20) String name;\n"));
    assertThat(text)
        .contains("@FieldDef(name = \"code\", type = \"SmallAutoField\", primaryKey = true)")
        .doesNotContain("name = \"id\"");
  }

  @Test
  void autoFieldThatIsNotThePrimaryKey() {
    JavaFileObject m = model("Tag", "", "  @Field(type = \"AutoField\") int number;\n");
    Compilation c = compile(root, m);
    assertThat(c).failed();
    assertThat(c)
        .hadErrorContaining(
            "[fields.E100] AutoFields must set primary_key=True: the field 'number' of Tag is"
                + " declared as AutoField without primaryKey = true.")
        .inFile(m)
        .onLineContaining("int number");
  }

  @Test
  void negativeDefaultOfAPositiveField() {
    JavaFileObject m =
        model(
            "Tag",
            "",
            "  @Field(type = \"PositiveIntegerField\", defaultValue = \"-1\") int count;\n");
    Compilation c = compile(root, m);
    assertThat(c).failed();
    assertThat(c).hadErrorContaining("it is negative, and a PositiveIntegerField holds 0 and up.");
  }
}
