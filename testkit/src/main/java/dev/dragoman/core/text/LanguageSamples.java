package dev.dragoman.core.text;

import java.util.List;
import java.util.Map;

/**
 * Short news sentences, written for the project, by language (BCP 47): the detector's test and the
 * LanguageDetectionBenchmark use them. In the test kit.
 */
public final class LanguageSamples {

    private LanguageSamples() {}

    public static final Map<String, List<String>> SENTENCES = Map.of(
            "ar",
                    List.of(
                            "أكد الرئيس دعم بلاده للحوار",
                            "وزير الخارجية يستقبل نظيره العماني",
                            "ارتفاع أسعار النفط في الأسواق العالمية",
                            "افتتاح معرض الكتاب الدولي في الرياض",
                            "مجلس الوزراء يوافق على الميزانية الجديدة",
                            "قال المتحدث باسم الحكومة إن المحادثات مستمرة",
                            "بحث الجانبان سبل تعزيز التعاون الثنائي",
                            "انطلاق فعاليات مهرجان التمور في بريدة",
                            "الأمم المتحدة تدعو إلى وقف إطلاق النار",
                            "المنتخب الوطني يفوز على نظيره الأردني",
                            "هطول أمطار غزيرة على عدة مناطق",
                            "تعيين سفير جديد لدى الولايات المتحدة"),
            "fa",
                    List.of(
                            "رئیس جمهور از حمایت کشورش از گفتگو خبر داد",
                            "وزیر امور خارجه با همتای عمانی خود دیدار کرد",
                            "قیمت نفت در بازارهای جهانی افزایش یافت",
                            "نمایشگاه بین المللی کتاب در تهران گشایش یافت",
                            "هیئت دولت بودجه جدید را تصویب کرد",
                            "سخنگوی دولت گفت که گفتگوها ادامه دارد",
                            "دو طرف راه های گسترش همکاری را بررسی کردند",
                            "سازمان ملل خواستار آتش بس شد"),
            "ur",
                    List.of(
                            "صدر نے بات چیت کے لیے اپنے ملک کی حمایت کا اعادہ کیا",
                            "وزیر خارجہ نے عمانی ہم منصب سے ملاقات کی",
                            "عالمی منڈیوں میں تیل کی قیمتوں میں اضافہ ہوا",
                            "لاہور میں بین الاقوامی کتاب میلے کا افتتاح",
                            "کابینہ نے نئے بجٹ کی منظوری دے دی",
                            "حکومتی ترجمان نے کہا کہ مذاکرات جاری ہیں",
                            "دونوں فریقوں نے تعاون بڑھانے پر بات کی",
                            "اقوام متحدہ نے جنگ بندی کا مطالبہ کیا"),
            "en",
                    List.of(
                            "The president reaffirmed his support for dialogue",
                            "Foreign minister meets his Omani counterpart",
                            "Oil prices rise on global markets",
                            "International book fair opens in Riyadh",
                            "Cabinet approves the new budget",
                            "Government spokesman says talks are continuing",
                            "Heavy rain falls across several regions",
                            "United Nations calls for a ceasefire"),
            "fr",
                    List.of(
                            "Le président réaffirme son soutien au dialogue",
                            "Le ministre des Affaires étrangères reçoit son homologue omanais",
                            "Les prix du pétrole augmentent sur les marchés mondiaux",
                            "Ouverture du salon international du livre à Riyad",
                            "Le Conseil des ministres approuve le nouveau budget",
                            "Le porte-parole du gouvernement affirme que les discussions se poursuivent",
                            "De fortes pluies tombent sur plusieurs régions",
                            "Les Nations unies appellent à un cessez-le-feu"),
            "ru",
                    List.of(
                            "Президент подтвердил поддержку диалога",
                            "Министр иностранных дел встретился с оманским коллегой",
                            "Цены на нефть растут на мировых рынках",
                            "В Эр-Рияде открылась международная книжная ярмарка",
                            "Правительство одобрило новый бюджет",
                            "Представитель правительства заявил, что переговоры продолжаются",
                            "Сильные дожди прошли в нескольких регионах",
                            "ООН призвала к прекращению огня"));
}
