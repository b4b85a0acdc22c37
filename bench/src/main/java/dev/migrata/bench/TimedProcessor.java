package dev.migrata.bench;

import com.sun.management.ThreadMXBean;
import java.lang.management.ManagementFactory;
import java.util.Set;
import javax.annotation.processing.Completion;
import javax.annotation.processing.ProcessingEnvironment;
import javax.annotation.processing.Processor;
import javax.annotation.processing.RoundEnvironment;
import javax.lang.model.SourceVersion;
import javax.lang.model.element.AnnotationMirror;
import javax.lang.model.element.Element;
import javax.lang.model.element.ExecutableElement;
import javax.lang.model.element.TypeElement;

/**
 * A processor that hands every call to another and adds up the compiling thread's CPU time spent in
 * its {@code init} and {@code process}: the processor's own share of a compile, steadier on a
 * loaded machine than the difference of two whole compiles.
 */
final class TimedProcessor implements Processor {
  private static final ThreadMXBean THREADS = (ThreadMXBean) ManagementFactory.getThreadMXBean();
  private final Processor processor;
  long cpuNanos;

  /** The bytes the compiling thread allocated inside the processor. */
  long allocatedBytes;

  TimedProcessor(Processor processor) {
    this.processor = processor;
  }

  @Override
  public Set<String> getSupportedOptions() {
    return processor.getSupportedOptions();
  }

  @Override
  public Set<String> getSupportedAnnotationTypes() {
    return processor.getSupportedAnnotationTypes();
  }

  @Override
  public SourceVersion getSupportedSourceVersion() {
    return processor.getSupportedSourceVersion();
  }

  @Override
  public void init(ProcessingEnvironment env) {
    long start = THREADS.getCurrentThreadCpuTime();
    long bytes = THREADS.getCurrentThreadAllocatedBytes();
    try {
      processor.init(env);
    } finally {
      cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
      allocatedBytes += THREADS.getCurrentThreadAllocatedBytes() - bytes;
    }
  }

  @Override
  public boolean process(Set<? extends TypeElement> annotations, RoundEnvironment round) {
    long start = THREADS.getCurrentThreadCpuTime();
    long bytes = THREADS.getCurrentThreadAllocatedBytes();
    try {
      return processor.process(annotations, round);
    } finally {
      cpuNanos += THREADS.getCurrentThreadCpuTime() - start;
      allocatedBytes += THREADS.getCurrentThreadAllocatedBytes() - bytes;
    }
  }

  @Override
  public Iterable<? extends Completion> getCompletions(
      Element element, AnnotationMirror annotation, ExecutableElement member, String userText) {
    return processor.getCompletions(element, annotation, member, userText);
  }
}
