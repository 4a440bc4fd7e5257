package se.vagvisaren.progress;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/** Step numbers as people write them in a sentence: "2", "2 och 3", "1, 2 och 4". */
final class StepNumbers {

    private StepNumbers() {
    }

    /**
     * @param steps step numbers in the order to show them
     * @param and   the word before the last number, e.g. {@code och} or {@code and}
     * @return the list, or an empty string for no steps
     */
    static String join(Collection<Integer> steps, String and) {
        List<String> numbers = new ArrayList<>();
        steps.forEach(s -> numbers.add(Integer.toString(s)));
        if (numbers.size() <= 1) {
            return String.join("", numbers);
        }
        return String.join(", ", numbers.subList(0, numbers.size() - 1)) + " " + and + " " + numbers.get(numbers.size() - 1);
    }
}
